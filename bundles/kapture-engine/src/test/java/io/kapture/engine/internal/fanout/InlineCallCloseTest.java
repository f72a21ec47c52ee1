package io.kapture.engine.internal.fanout;

import static io.kapture.engine.internal.fanout.SubscriberTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.DropPolicy;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * Closing a subscriber whose inline call was taken over: a stop that already waited the grace for the call
 * ({@link Subscriber#takeOverAfterGrace}) has closing interrupt the thread left in it at once, not after a second
 * grace; a call the watchdog took over (no grace given yet) still gets its whole grace, and a listener that
 * returns within it is never interrupted. The graces here are a minute, far longer than the tests take, so a
 * second grace shows as a listener not interrupted within the ten seconds the test waits, never as a measured time.
 *
 * <p>The test thread plays the control thread; a thread of its own plays the capture thread.
 */
class InlineCallCloseTest {

    private static final long MINUTE_MILLIS = TimeUnit.MINUTES.toMillis(1);

    private final TrackedFrames frames = new TrackedFrames();
    private final List<Subscriber> subscribers = new ArrayList<>();

    @AfterEach
    void closeAndCheckHandles() {
        subscribers.forEach(Subscriber::close);
        eventually(() -> frames.live() == 0);
        assertEquals(0, frames.doubleReleases(), "no handle was released twice");
    }

    @Test
    void aCallTakenOverAfterItsGraceIsInterruptedAtOnceWhenClosed() throws InterruptedException {
        Waiter waiter = new Waiter();
        Subscriber subscriber = inline(waiter);
        Thread capture = callInline(subscriber);
        waiter.awaitEntered();
        subscriber.stopDelivering();
        // the stop's grace, cut to nothing: the call has not returned, so it is taken over
        assertSame(capture, subscriber.takeOverAfterGrace(0, "test: the camera stopped"));

        Thread closer = closing(subscriber, MINUTE_MILLIS, MINUTE_MILLIS);

        assertTrue(waiter.interrupted.await(10, TimeUnit.SECONDS), "interrupted at once, not after another minute");
        closer.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(closer.isAlive(), "closing returned once the listener did");
        assertFalse(subscriber.abandoned());
    }

    @Test
    void aCallTheWatchdogTookOverStillGetsItsGraceWhenClosed() throws InterruptedException {
        SubscriberTest.Finisher finisher = new SubscriberTest.Finisher();
        Subscriber subscriber = inline(finisher);
        callInline(subscriber);
        finisher.awaitEntered();
        assertTrue(subscriber.takeOverInlineCall(0, "test: the watchdog") != null, "taken over");

        Thread closer = closing(subscriber, MINUTE_MILLIS, 2000);
        eventually(() -> closer.getState() == Thread.State.TIMED_WAITING);
        finisher.finish();
        closer.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(closer.isAlive(), "closing returned once the listener did");
        assertEquals(Boolean.FALSE, finisher.interruptedAtEnd(), "a listener returning within its grace is left alone");
    }

    @Test
    void aCallReturningWithinTheGraceIsNeitherTakenOverNorInterrupted() throws InterruptedException {
        SubscriberTest.Finisher finisher = new SubscriberTest.Finisher();
        Subscriber subscriber = inline(finisher);
        callInline(subscriber);
        finisher.awaitEntered();
        subscriber.stopDelivering();
        AtomicReference<Thread> takenOver = new AtomicReference<>(Thread.currentThread());
        Thread stopper = new Thread(() -> takenOver.set(subscriber.takeOverAfterGrace(MINUTE_MILLIS, "test")),
                "test-stopper");
        stopper.start();
        eventually(() -> stopper.getState() == Thread.State.TIMED_WAITING);

        finisher.finish();
        stopper.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(stopper.isAlive());
        assertNull(takenOver.get(), "the call returned within its grace");
        Subscriber.closeAll(new Subscriber[] {subscriber}, MINUTE_MILLIS, 2000);
        assertEquals(Boolean.FALSE, finisher.interruptedAtEnd());
    }

    /** A started subscriber that is its stream's inline listener. */
    private Subscriber inline(FrameListener listener) {
        Subscription subscription = new Subscription("test", "test.bundle", "*", List.of(), 2,
                DropPolicy.DROP_OLDEST, 0);
        Subscriber subscriber = new Subscriber("cam", listener, subscription,
                new QueueSpec(2, DropPolicy.DROP_OLDEST, 0));
        assertTrue(subscriber.mayRunInline());
        subscriber.grantInline(InlineBudget.UNKNOWN_RATE);
        subscribers.add(subscriber);
        subscriber.start();
        return subscriber;
    }

    /** A capture thread that calls the inline listener with one frame. */
    private Thread callInline(Subscriber subscriber) {
        Frame frame = frames.frame(0);
        Thread capture = new Thread(() -> {
            try {
                subscriber.deliverInline(frame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-capture");
        capture.start();
        return capture;
    }

    private static Thread closing(Subscriber subscriber, long graceMillis, long joinMillis) {
        Thread closer = new Thread(() -> Subscriber.closeAll(new Subscriber[] {subscriber}, graceMillis, joinMillis),
                "test-closer");
        closer.start();
        return closer;
    }

    /** Waits in its first call until interrupted, and says when it was. */
    private static final class Waiter implements FrameListener {

        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public void onFrame(Frame frame) {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }

        void awaitEntered() throws InterruptedException {
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the listener got its frame");
        }
    }
}
