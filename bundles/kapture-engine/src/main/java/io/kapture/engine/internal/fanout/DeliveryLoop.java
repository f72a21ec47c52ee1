package io.kapture.engine.internal.fanout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.DropCause;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * The delivery thread's half of a subscriber: takes frames from the {@link Handoff} one at a time, hands each to
 * the listener and releases it when {@code onFrame} returns, whatever the listener did. A listener that throws is
 * counted and logged (rate-limited) and gets the next frame; one whose frame was taken back while queued (an
 * expired zero-copy lease) never sees it.
 *
 * <p>Ownership rule, checkable in this class alone: every frame {@link Handoff#next} hands over is released here,
 * delivered or dropped, exactly once. When the loop ends for any reason other than a close, it drains the ring
 * (nobody else would) and says once, loudly, that the listener gets nothing any more.
 *
 * <p>Threading contract: {@link #run} runs on the subscriber's own delivery thread, and {@link #deliver} there or,
 * for a listener called on the capture thread, on the capture thread. Never both at once for one subscriber: an
 * inline listener's delivery thread gets frames only after the capture thread stopped calling it, and waits for a
 * taken-over call to return before it calls the listener ({@link InlineCall#awaitStuckReturn}); so the plain
 * counters here have one writer at a time, each handing over to the next through those volatile steps. The figures
 * and {@link #reportEnd} may be called from any thread.
 */
final class DeliveryLoop implements Runnable {

    static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
    private static final VarHandle DELIVERED;

    static {
        try {
            DELIVERED = MethodHandles.lookup().findVarHandle(DeliveryLoop.class, "delivered", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FrameListener listener;
    private final Subscription subscription;
    private final String threadName;
    private final Handoff handoff;
    private final Drops drops;
    private final InlineCall inline;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicBoolean endReported = new AtomicBoolean();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final RateLimitedLog errorLog = new RateLimitedLog(LOG);
    /**
     * Written by the delivery thread only (plain increments published with release), read with acquire: a reader
     * that sees a delivery then also sees the offer that preceded it ({@link Subscriber#stats}).
     */
    private long delivered;

    DeliveryLoop(FrameListener listener, Subscription subscription, String threadName, Handoff handoff, Drops drops,
            InlineCall inline) {
        this.inline = inline;
        this.listener = listener;
        this.subscription = subscription;
        this.threadName = threadName;
        this.handoff = handoff;
        this.drops = drops;
    }

    @Override
    public void run() {
        try {
            Frame frame;
            while ((frame = handoff.next()) != null) {
                if (inline.awaitStuckReturn(handoff)) {
                    deliver(frame);
                } else {
                    drops.drop(frame, DropCause.STOPPED);
                }
            }
        } finally {
            handoff.consumerEnding();
            if (!handoff.isClosed()) {
                drops.drain(handoff.ring(), DropCause.DELIVERY_ENDED);
                reportEnd();
            }
        }
    }

    /**
     * Hands {@code frame}, which the caller won, to the listener and releases it. The delivery thread's loop, or
     * the capture thread itself for a listener that asked to be called there.
     */
    void deliver(Frame frame) {
        long sequence;
        long receivedNanos;
        try {
            sequence = frame.sequence();
            receivedNanos = frame.receivedNanos();
        } catch (IllegalStateException takenBack) {
            // A zero-copy frame whose lease ran out while it waited in this queue: its buffer is back with the
            // driver, so the listener never sees it; it counts as dropped for this listener.
            drops.drop(frame, DropCause.TAKEN_BACK);
            return;
        }
        try {
            latency.record(System.nanoTime() - receivedNanos);
            DELIVERED.setRelease(this, delivered + 1);
            listener.onFrame(frame);
        } catch (Throwable failure) {
            errors.incrementAndGet();
            reportFailure(sequence, failure);
        } finally {
            frame.release();
        }
    }

    /** Logs a listener's failure; one whose exception cannot even be printed must not end the delivery thread. */
    private void reportFailure(long sequence, Throwable failure) {
        String what = "Listener " + subscription.name() + " (bundle " + subscription.bundle() + ") failed on frame "
                + sequence + " on thread " + threadName;
        try {
            errorLog.warn(what, failure);
        } catch (RuntimeException unprintable) {
            LOG.warn("{} with a {} that could not be printed", what, failure.getClass().getName());
        }
    }

    /** Says once, loudly, that this listener gets nothing any more although it is still subscribed. */
    void reportEnd() {
        if (endReported.compareAndSet(false, true)) {
            LOG.error("Listener {} (bundle {}): its delivery thread {} ended unexpectedly; it receives no more frames "
                    + "(each is counted as dropped) until it is subscribed again or its camera restarts",
                    subscription.name(), subscription.bundle(), threadName);
        }
    }

    long delivered() {
        return (long) DELIVERED.getAcquire(this);
    }

    long errors() {
        return errors.get();
    }

    LatencyHistogram latency() {
        return latency;
    }
}
