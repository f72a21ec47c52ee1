package io.kapture.engine.internal.fanout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.DropCause;
import io.kapture.api.DropPolicy;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;

/**
 * One subscriber driven directly, the test thread playing the capture thread: what each drop policy drops and why,
 * frames taken back while queued, stop while full, wake-ups of a parked delivery thread and of a producer blocked
 * for room, a delivery thread that dies, a listener whose exception cannot be printed. Every test ends with every
 * handle released exactly once.
 *
 * <p>Runs on the test thread (and a producer thread where the producer must block); each subscriber has its own
 * delivery thread.
 */
class SubscriberTest {

    private static final long HOUR_MILLIS = 3_600_000;

    private final TrackedFrames frames = new TrackedFrames();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Gate gate = new Gate();

    @AfterEach
    void closeAndCheckHandles() {
        gate.open();
        subscribers.forEach(Subscriber::close);
        eventually(() -> frames.live() == 0);
        assertEquals(0, frames.doubleReleases(), "no handle was released twice");
    }

    @Test
    void dropOldestDropsTheOldestQueuedFrameAsQueueFull() throws InterruptedException {
        Subscriber subscriber = blockedOnFrameZero(2, DropPolicy.DROP_OLDEST, 0);

        publish(subscriber, 1, 5);

        assertFigures(subscriber, 1, 3, 2);
        assertEquals(3, subscriber.dropped(DropCause.QUEUE_FULL));
        gate.open();
        eventually(() -> gate.sequences().size() == 3);
        assertEquals(List.of(0L, 4L, 5L), gate.sequences());
    }

    @Test
    void dropNewestDropsTheNewFrameAsQueueFull() throws InterruptedException {
        Subscriber subscriber = blockedOnFrameZero(2, DropPolicy.DROP_NEWEST, 0);

        publish(subscriber, 1, 5);

        assertFigures(subscriber, 1, 3, 2);
        assertEquals(3, subscriber.dropped(DropCause.QUEUE_FULL));
        gate.open();
        eventually(() -> gate.sequences().size() == 3);
        assertEquals(List.of(0L, 1L, 2L), gate.sequences());
    }

    @Test
    void blockDropsWhatFindsNoRoomWithinTheTimeoutAsBlockTimeout() throws InterruptedException {
        Subscriber subscriber = blockedOnFrameZero(1, DropPolicy.BLOCK, 0);

        publish(subscriber, 1, 3);

        assertFigures(subscriber, 1, 2, 1);
        assertEquals(2, subscriber.dropped(DropCause.BLOCK_TIMEOUT));
        assertEquals(0, subscriber.dropped(DropCause.QUEUE_FULL));
    }

    @Test
    void aProducerBlockedForRoomIsWokenWhenTheListenerTakesAFrame() throws InterruptedException {
        Subscriber subscriber = blockedOnFrameZero(1, DropPolicy.BLOCK, HOUR_MILLIS);
        publish(subscriber, 1, 1);
        Thread producer = publishing(subscriber, 2);
        eventually(() -> producer.getState() == Thread.State.TIMED_WAITING);

        gate.open();

        eventually(() -> !producer.isAlive());
        eventually(() -> gate.sequences().size() == 3);
        assertEquals(List.of(0L, 1L, 2L), gate.sequences());
        assertFigures(subscriber, 3, 0, 0);
    }

    @Test
    void closingWakesAProducerBlockedForRoomAndReleasesEverything() throws InterruptedException {
        gate.ignoringInterrupts();
        Subscriber subscriber = blockedOnFrameZero(1, DropPolicy.BLOCK, HOUR_MILLIS);
        publish(subscriber, 1, 1);
        Thread producer = publishing(subscriber, 2);
        eventually(() -> producer.getState() == Thread.State.TIMED_WAITING);

        subscriber.close();

        eventually(() -> !producer.isAlive());
        assertFalse(subscriber.isTerminated(), "the listener is still stuck in frame 0, yet capture goes on");
        assertEquals(2, subscriber.dropped(DropCause.STOPPED), "the queued frame and the one waiting for room");
        assertFigures(subscriber, 1, 2, 0);
        assertEquals(1, frames.live(), "only the frame the stuck listener is in");
    }

    @Test
    void stopWhileFullReleasesEveryQueuedFrameAsStopped() throws InterruptedException {
        Subscriber subscriber = blockedOnFrameZero(4, DropPolicy.DROP_NEWEST, 0);
        publish(subscriber, 1, 6);
        assertFigures(subscriber, 1, 2, 4);

        subscriber.close();

        assertEquals(0, frames.live(), "the stop released every queued frame");
        assertEquals(4, subscriber.dropped(DropCause.STOPPED));
        assertEquals(2, subscriber.dropped(DropCause.QUEUE_FULL));
        assertFigures(subscriber, 1, 6, 0);
        assertEquals(Map.of(DropCause.STOPPED, 4L, DropCause.QUEUE_FULL, 2L), subscriber.stats().droppedByCause());
        assertEquals("6 (queue full 2, discarded at stop 4)", subscriber.stats().droppedWithCauses());
        assertTrue(subscriber.isTerminated());
        publish(subscriber, 7, 1);
        assertEquals(5, subscriber.dropped(DropCause.STOPPED), "a frame offered after the stop is dropped at once");
    }

    @Test
    void aListenerFinishingItsFrameWhileUnsubscribedIsNotInterrupted() throws InterruptedException {
        Finisher finisher = new Finisher();
        Subscriber subscriber = start(finisher, 2, DropPolicy.DROP_OLDEST, 0, Thread::new);
        publish(subscriber, 0, 1);
        assertTrue(finisher.entered.await(10, TimeUnit.SECONDS), "the listener got its frame");
        // a grace far longer than the test needs: under CPU load the default 500 ms could pass before it returns
        long graceMillis = TimeUnit.MINUTES.toMillis(1);
        Thread closer = new Thread(() -> Subscriber.closeAll(new Subscriber[] {subscriber}, graceMillis, 2000),
                "test-closer");
        closer.start();
        eventually(() -> closer.getState() == Thread.State.TIMED_WAITING);

        finisher.finish();
        closer.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(closer.isAlive(), "close returned once the listener did");
        assertEquals(Boolean.FALSE, finisher.interruptedAtEnd.get(),
                "an interrupt would have closed a file channel the listener was writing to");
        assertTrue(subscriber.isTerminated());
        assertFigures(subscriber, 1, 0, 0);
    }

    @Test
    void closingSeveralInterruptsEveryStuckListenerBeforeWaitingForAny() throws InterruptedException {
        CountDownLatch allInterrupted = new CountDownLatch(3);
        List<Subscriber> stuck = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Subscriber subscriber = start(new ReturnsOnceAllInterrupted(allInterrupted), 2, DropPolicy.DROP_OLDEST, 0,
                    Thread::new);
            publish(subscriber, 0, 1);
            stuck.add(subscriber);
        }
        eventually(() -> frames.live() == 3 && stuck.stream().allMatch(s -> s.stats().queued() == 0));

        // a long join time: closing one after another would give up on the first (it waits for the others' interrupts)
        Subscriber.closeAll(stuck.toArray(Subscriber[]::new), 10, TimeUnit.SECONDS.toMillis(30));

        for (Subscriber subscriber : stuck) {
            assertFalse(subscriber.abandoned(), "every listener returned once all had been interrupted");
            assertTrue(subscriber.isTerminated());
        }
    }

    @Test
    void aFrameTakenBackWhileQueuedIsDroppedAsTakenBack() throws InterruptedException {
        Subscriber subscriber = blockedOnFrameZero(4, DropPolicy.BLOCK, 0);
        publish(subscriber, 1, 1);
        TrackedFrames.Handle second = frames.frame(2);
        subscriber.offer(second);
        publish(subscriber, 3, 1);

        second.takeBack();
        second.release();
        gate.open();

        eventually(() -> subscriber.stats().delivered() == 3 && subscriber.stats().queued() == 0);
        assertEquals(List.of(0L, 1L, 3L), gate.sequences());
        assertEquals(1, subscriber.dropped(DropCause.TAKEN_BACK));
    }

    @Test
    void aParkedDeliveryThreadIsWokenByEachFrame() throws InterruptedException {
        AtomicReference<Thread> delivery = new AtomicReference<>();
        List<Long> seen = new CopyOnWriteArrayList<>();
        Subscriber subscriber = start(frame -> seen.add(frame.sequence()), 2, DropPolicy.BLOCK, HOUR_MILLIS,
                recording(delivery));
        for (long sequence = 0; sequence < 40; sequence++) {
            // WAITING: parked without a timeout, as an idle listener must be, rather than spinning
            eventually(() -> delivery.get().getState() == Thread.State.WAITING);
            publish(subscriber, sequence, 1);
            long expected = sequence + 1;
            eventually(() -> seen.size() == expected);
        }
        assertFigures(subscriber, 40, 0, 0);
    }

    @Test
    void aDeliveryThreadThatDiedIsNoticedAndNothingWaitsForIt() throws InterruptedException {
        // ends without ever running the delivery loop, as a thread killed before it could say so would
        ThreadFactory dying = task -> new Thread(() -> { });
        Subscriber subscriber = start(frame -> { }, 2, DropPolicy.BLOCK, HOUR_MILLIS, dying);
        eventually(subscriber::isTerminated);

        Thread producer = publishing(subscriber, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        eventually(() -> !producer.isAlive());
        assertEquals(10, subscriber.dropped(DropCause.DELIVERY_ENDED));
        assertFigures(subscriber, 0, 10, 0);
        assertEquals(0, frames.live(), "nothing is kept for a listener that can no longer get it");
    }

    @Test
    void aListenerWhoseExceptionCannotBePrintedKeepsItsThread() throws InterruptedException {
        Subscriber subscriber = start(frame -> {
            throw new Unprintable();
        }, 8, DropPolicy.BLOCK, HOUR_MILLIS, Thread::new);

        publish(subscriber, 0, 3);

        eventually(() -> subscriber.stats().errors() == 3);
        assertFigures(subscriber, 3, 0, 0);
        assertFalse(subscriber.isTerminated(), "the delivery thread lives on");
    }

    /** A subscriber whose listener is in {@code onFrame} of frame 0, held by {@link #gate}. */
    private Subscriber blockedOnFrameZero(int capacity, DropPolicy policy, long blockMillis)
            throws InterruptedException {
        Subscriber subscriber = start(gate, capacity, policy, blockMillis, Thread::new);
        publish(subscriber, 0, 1);
        gate.awaitEntered();
        return subscriber;
    }

    private Subscriber start(FrameListener listener, int capacity, DropPolicy policy, long blockMillis,
            ThreadFactory threads) {
        Subscription subscription = new Subscription("test", "test.bundle", "*", List.of(), capacity, policy,
                blockMillis);
        Subscriber subscriber = new Subscriber("cam", listener, subscription,
                new QueueSpec(capacity, policy, blockMillis), threads);
        subscribers.add(subscriber);
        subscriber.start();
        return subscriber;
    }

    /** Offers frames {@code first} .. {@code first + count - 1} as the capture thread does, keeping no handle. */
    private void publish(Subscriber subscriber, long first, int count) throws InterruptedException {
        for (long sequence = first; sequence < first + count; sequence++) {
            Frame frame = frames.frame(sequence);
            try {
                subscriber.offer(frame);
            } finally {
                frame.release();
            }
        }
    }

    /** A producer thread publishing {@code sequences} one by one. */
    private Thread publishing(Subscriber subscriber, long... sequences) {
        Thread producer = new Thread(() -> {
            try {
                for (long sequence : sequences) {
                    publish(subscriber, sequence, 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-producer");
        producer.start();
        return producer;
    }

    private static ThreadFactory recording(AtomicReference<Thread> made) {
        return task -> {
            Thread thread = new Thread(task);
            made.set(thread);
            return thread;
        };
    }

    private static void assertFigures(Subscriber subscriber, long delivered, long dropped, int queued) {
        ListenerStats stats = subscriber.stats();
        assertEquals(delivered, stats.delivered(), "delivered: " + stats);
        assertEquals(dropped, stats.dropped(), "dropped: " + stats);
        assertEquals(queued, stats.queued(), "queued: " + stats);
        assertEquals(dropped, stats.droppedByCause().values().stream().mapToLong(Long::longValue).sum(),
                "the causes add up: " + stats);
    }

    static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(condition);
    }

    /**
     * Records sequences; holds its first frame until {@link #open} or an interrupt (as a stop sends), or only until
     * {@link #open} if told to ignore interrupts.
     */
    static final class Gate implements FrameListener {

        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);
        private final List<Long> sequences = new CopyOnWriteArrayList<>();
        private volatile boolean stubborn;

        @Override
        public void onFrame(Frame frame) {
            sequences.add(frame.sequence());
            if (entered.getCount() > 0) {
                entered.countDown();
                awaitOpen();
            }
        }

        private void awaitOpen() {
            boolean interrupted = false;
            while (true) {
                try {
                    open.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (!stubborn) {
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void ignoringInterrupts() {
            stubborn = true;
        }

        void awaitEntered() throws InterruptedException {
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the listener got its first frame");
        }

        void open() {
            open.countDown();
        }

        List<Long> sequences() {
            return sequences;
        }
    }

    /**
     * Works on its frame, without waiting on anything interruptible, until {@link #finish}, as a listener writing
     * a file does; notes whether its thread was interrupted by then.
     */
    static final class Finisher implements FrameListener {

        private final CountDownLatch entered = new CountDownLatch(1);
        private final AtomicReference<Boolean> interruptedAtEnd = new AtomicReference<>();
        private volatile boolean finished;

        @Override
        public void onFrame(Frame frame) {
            entered.countDown();
            while (!finished) {
                Thread.onSpinWait();
            }
            interruptedAtEnd.set(Thread.currentThread().isInterrupted());
        }

        void finish() {
            finished = true;
        }

        void awaitEntered() throws InterruptedException {
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the listener got its frame");
        }

        /** Whether its thread was interrupted when it finished; null before. */
        Boolean interruptedAtEnd() {
            return interruptedAtEnd.get();
        }
    }

    /** Counts down when interrupted in its first frame, then returns only once the latch reaches zero. */
    static final class ReturnsOnceAllInterrupted implements FrameListener {

        private final CountDownLatch allInterrupted;

        ReturnsOnceAllInterrupted(CountDownLatch allInterrupted) {
            this.allInterrupted = allInterrupted;
        }

        @Override
        public void onFrame(Frame frame) {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            allInterrupted.countDown();
            while (allInterrupted.getCount() > 0) {
                Thread.onSpinWait();
            }
        }
    }

    /** An exception that throws when anybody tries to print it. */
    static final class Unprintable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new IllegalStateException("this exception cannot be printed");
        }
    }
}
