package io.kapture.engine.internal.fanout;

import static io.kapture.engine.internal.fanout.SubscriberTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.kapture.api.DropCause;
import io.kapture.api.DropPolicy;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;

/**
 * Many frames through one subscriber while its listener alternately keeps up and lags, under each drop policy,
 * with the queue resized while frames flow, and with a stop in the middle of the stream: per subscriber every
 * frame is delivered, dropped or queued, each exactly once, in order, and every handle is released exactly once.
 *
 * <p>The test thread is the producer; the subscriber has its delivery thread, and a second producer thread is
 * used where a stop must race with offers.
 */
class SubscriberStressTest {

    private static final int FRAMES = 60_000;
    private static final long HOUR_MILLIS = 3_600_000;

    @Test
    void everyFrameIsAccountedForUnderEachPolicyWhileTheQueueIsResized() throws InterruptedException {
        for (DropPolicy policy : DropPolicy.values()) {
            TrackedFrames frames = new TrackedFrames();
            OrderChecker listener = new OrderChecker();
            Subscriber subscriber = subscriber(listener, policy);
            subscriber.start();
            AtomicBoolean producing = new AtomicBoolean(true);
            List<String> unbalanced = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                while (producing.get()) {
                    ListenerStats seen = subscriber.stats();
                    if (seen.offered() != seen.delivered() + seen.dropped() + seen.queued() || seen.queued() < 0) {
                        unbalanced.add(seen.toString());
                    }
                }
            }, "test-stats-reader");
            reader.start();
            for (int i = 0; i < FRAMES; i++) {
                if (i % 64 == 0) {
                    subscriber.requestQueue(new QueueSpec(1 + i / 64 % 8, policy, HOUR_MILLIS));
                }
                publish(subscriber, frames, i);
            }
            producing.set(false);
            reader.join();
            assertEquals(List.of(), unbalanced, policy + ": every snapshot read while frames flowed adds up");
            eventually(() -> subscriber.stats().queued() == 0
                    && subscriber.stats().delivered() + subscriber.stats().dropped() == FRAMES);
            subscriber.close();

            ListenerStats stats = subscriber.stats();
            assertEquals(FRAMES, stats.delivered() + stats.dropped() + stats.queued(), policy + ": " + stats);
            assertEquals(FRAMES, stats.offered(), policy + ": every frame offered counted once");
            assertEquals(stats.delivered(), listener.frames.get(), policy + ": the listener saw what was delivered");
            assertEquals(0, listener.outOfOrder.get(), policy + ": frames arrive in order");
            assertEquals(0, frames.live(), policy + ": every handle released");
            assertEquals(0, frames.doubleReleases(), policy + ": no handle released twice");
            if (policy == DropPolicy.BLOCK) {
                assertEquals(stats.dropped(), subscriber.dropped(DropCause.QUEUE_FULL),
                        "lossless but for queues shrunk under frames that no longer fit");
            }
            System.out.printf("[fan-out] %s: %d frames, delivered %d, dropped %d%n", policy, FRAMES,
                    stats.delivered(), stats.dropped());
        }
    }

    @Test
    void aStopRacingWithOffersLeavesNothingBehind() throws InterruptedException {
        for (int round = 0; round < 20; round++) {
            TrackedFrames frames = new TrackedFrames();
            OrderChecker listener = new OrderChecker();
            Subscriber subscriber = subscriber(listener, round % 2 == 0 ? DropPolicy.DROP_OLDEST : DropPolicy.BLOCK);
            subscriber.start();
            AtomicLong offered = new AtomicLong();
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 0; i < 5_000; i++) {
                        publish(subscriber, frames, i);
                        offered.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-producer");
            producer.start();
            long stopAt = 100L * round;
            eventually(() -> offered.get() >= stopAt);

            subscriber.close();
            producer.join();

            ListenerStats stats = subscriber.stats();
            assertEquals(5_000, stats.delivered() + stats.dropped(), "round " + round + ": " + stats);
            assertEquals(0, stats.queued());
            assertTrue(subscriber.isTerminated());
            assertEquals(0, frames.live(), "round " + round + ": every handle released");
            assertEquals(0, frames.doubleReleases());
        }
    }

    /**
     * A camera-level {@code queue.capacity} change while a listener unsubscribes: the capture thread moves the
     * queued frames into a larger ring while another thread closes the subscriber. Whoever wins a frame from a
     * ring must release it, whichever ring it is in by then: no handle may be stranded in the new ring, and a
     * closed subscriber shows nothing queued.
     */
    @Test
    void aResizeRacingWithACloseStrandsNoFrame() throws Exception {
        int queued = 1024;
        for (int round = 0; round < 400; round++) {
            TrackedFrames frames = new TrackedFrames();
            CountDownLatch release = new CountDownLatch(1);
            FrameListener stuck = frame -> awaitUninterruptibly(release);
            Subscriber subscriber = new Subscriber("cam", stuck, new Subscription("resize", "test.bundle", "*",
                    List.of(), queued, DropPolicy.DROP_NEWEST, HOUR_MILLIS),
                    new QueueSpec(queued, DropPolicy.DROP_NEWEST, HOUR_MILLIS));
            subscriber.start();
            for (int i = 0; i < queued; i++) {
                publish(subscriber, frames, i);
            }
            subscriber.requestQueue(new QueueSpec(2 * queued, DropPolicy.DROP_NEWEST, HOUR_MILLIS));
            CyclicBarrier together = new CyclicBarrier(2);
            Thread closer = new Thread(() -> {
                awaitQuietly(together);
                Subscriber.closeAll(new Subscriber[] {subscriber}, 0, 0);
            }, "test-closer");
            closer.start();
            awaitQuietly(together);
            publish(subscriber, frames, queued);
            closer.join();
            release.countDown();
            eventually(subscriber::isTerminated);

            assertEquals(0, frames.live(), "round " + round + ": every handle released; " + subscriber.stats());
            assertEquals(0, subscriber.stats().queued(), "round " + round + ": nothing queued once closed");
            assertEquals(0, frames.doubleReleases());
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new AssertionError(e);
        }
    }

    private static Subscriber subscriber(FrameListener listener, DropPolicy policy) {
        Subscription subscription = new Subscription("stress", "test.bundle", "*", List.of(), 4, policy,
                HOUR_MILLIS);
        return new Subscriber("cam", listener, subscription, new QueueSpec(4, policy, HOUR_MILLIS));
    }

    private static void publish(Subscriber subscriber, TrackedFrames frames, long sequence)
            throws InterruptedException {
        Frame frame = frames.frame(sequence);
        try {
            subscriber.offer(frame);
        } finally {
            frame.release();
        }
    }

    /** Counts frames and order violations; lags now and then, so that queues fill and empty again. */
    private static final class OrderChecker implements FrameListener {

        final AtomicLong frames = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        private long last = -1;

        @Override
        public void onFrame(Frame frame) {
            long sequence = frame.sequence();
            if (sequence <= last) {
                outOfOrder.incrementAndGet();
            }
            last = sequence;
            frames.incrementAndGet();
            if (sequence % 500 < 20) {
                for (int i = 0; i < 2_000; i++) {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
