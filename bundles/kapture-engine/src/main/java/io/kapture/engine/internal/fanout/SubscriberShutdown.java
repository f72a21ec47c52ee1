package io.kapture.engine.internal.fanout;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.DropCause;

/**
 * Ends subscribers: closes their hand-offs (no frame is delivered after that, but the one a listener has in
 * hand), lets each listener finish that frame within a grace period, interrupts those that did not (for one that
 * waits), waits once more, and drains what is still queued. The waits of several subscribers run side by side:
 * stopping a camera whose listeners are stuck takes one grace period and one join time, not one of each per
 * listener. A listener that never returns keeps its thread, which ends once it does.
 *
 * <p>Ownership rule, checkable here: the only frames this class lets go of are those it wins from a ring while
 * draining; a frame the capture thread moves into a fresh ring meanwhile is drained by the capture thread itself
 * ({@link QueuePolicy}).
 *
 * <p>A listener's call left on a former capture thread (an inline call that was taken over, {@link InlineCall}) is
 * treated like its delivery thread's: the same grace, interrupt, wait and abandonment; except that a call taken
 * over only after the stop had waited the grace for it ({@link Subscriber#takeOverAfterGrace}) is interrupted at
 * once, so stopping a camera whose inline listener is stuck takes one grace, not two.
 *
 * <p>Threading contract: {@link #closeAll} runs on the session's control thread (or a test's); it never runs on
 * a subscriber's own delivery thread, except for a listener unsubscribing itself, which is neither waited for
 * nor interrupted because it returns by itself. Stateless.
 */
final class SubscriberShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);

    private SubscriberShutdown() {
    }

    static void closeAll(Subscriber[] subscribers, long graceMillis, long joinMillis) {
        for (Subscriber subscriber : subscribers) {
            subscriber.stopDelivering();
        }
        // a thread left in a taken-over inline call is waited for and interrupted like a delivery thread; it ends
        // once its call returns, and touches nothing of the stream then (read once: it clears itself on return)
        Thread[] stuck = new Thread[subscribers.length];
        for (int i = 0; i < subscribers.length; i++) {
            stuck[i] = subscribers[i].stuckCaller();
            // a call taken over by a stop that had already waited its grace for it gets no second one
            if (stuck[i] != null && subscribers[i].stuckCallHadGrace()) {
                stuck[i].interrupt();
            }
        }
        long graceEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        for (int i = 0; i < subscribers.length; i++) {
            if (!returnsBy(subscribers[i].thread(), graceEnd)) {
                subscribers[i].thread().interrupt();
            }
            if (stuck[i] != null && !subscribers[i].stuckCallHadGrace() && !returnsBy(stuck[i], graceEnd)) {
                stuck[i].interrupt();
            }
        }
        long joinEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(joinMillis);
        for (int i = 0; i < subscribers.length; i++) {
            Subscriber subscriber = subscribers[i];
            if (stuck[i] != null && !returnsBy(stuck[i], joinEnd)) {
                subscriber.markAbandoned();
                LOG.warn("Listener {} (bundle {}) did not return from onFrame on the capture thread within {} ms of "
                        + "being unsubscribed; thread {} ends when it does", subscriber.subscription().name(),
                        subscriber.subscription().bundle(), graceMillis + joinMillis, stuck[i].getName());
            }
            if (!returnsBy(subscriber.thread(), joinEnd)) {
                subscriber.markAbandoned();
                LOG.warn("Listener {} (bundle {}) did not return from onFrame within {} ms of being unsubscribed; "
                        + "its thread {} ends when it does", subscriber.subscription().name(),
                        subscriber.subscription().bundle(), graceMillis + joinMillis, subscriber.holder());
            }
            subscriber.drain(DropCause.STOPPED);
            LOG.debug("Listener {} (bundle {}) unsubscribed: {}", subscriber.subscription().name(),
                    subscriber.subscription().bundle(), subscriber.stats());
        }
    }

    /**
     * Waits until {@code deadlineNanos} ({@link System#nanoTime}) for {@code thread} to end; true if it did (or
     * never started). The delivery thread itself (a listener unsubscribing itself) is not waited for: true.
     */
    private static boolean returnsBy(Thread thread, long deadlineNanos) {
        if (Thread.currentThread() == thread) {
            return true;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        try {
            if (millis > 0) {
                thread.join(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
