package io.kapture.engine.internal.fanout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.DropPolicy;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * The fan-out retains every subscriber's handle in one step and hands each over: every listener gets every frame,
 * and when an offer throws midway (the capture thread stopped while blocked under BLOCK) the handles of the
 * subscribers after it are released, not leaked. Handles are counted by {@link TrackedFrames}.
 *
 * <p>Runs on the test thread, which plays the capture thread; the subscribers run their own delivery threads.
 */
class FanOutTest {

    private static final long HOUR_MILLIS = 3_600_000;

    private final TrackedFrames frames = new TrackedFrames();
    private final FanOut fanOut = new FanOut();
    private final SubscriberTest.Gate gate = new SubscriberTest.Gate();

    @AfterEach
    void closeAndCheckHandles() {
        gate.open();
        for (Subscriber subscriber : fanOut.removeAll()) {
            subscriber.close();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> frames.live() == 0);
        assertEquals(0, frames.doubleReleases(), "no handle was released twice");
    }

    @Test
    void everySubscriberGetsEveryFrameInOrder() throws InterruptedException {
        List<Recording> listeners = List.of(new Recording(), new Recording(), new Recording());
        for (Recording listener : listeners) {
            add(listener, 16, DropPolicy.BLOCK);
        }
        for (long sequence = 0; sequence < 10; sequence++) {
            publish(sequence);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> listeners.stream().allMatch(l -> l.sequences.size() == 10));
        for (Recording listener : listeners) {
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), listener.sequences);
        }
    }

    @Test
    void anOfferInterruptedMidwayLeavesNoHandleOfTheLaterSubscribersBehind() throws InterruptedException {
        add(gate, 1, DropPolicy.BLOCK);
        Recording second = new Recording();
        Recording third = new Recording();
        add(second, 16, DropPolicy.DROP_OLDEST);
        add(third, 16, DropPolicy.DROP_OLDEST);
        publish(0);
        gate.awaitEntered();
        publish(1);

        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> publish(2), "blocked on the full first subscriber");

        await().atMost(Duration.ofSeconds(20)).until(() -> second.sequences.size() == 2 && third.sequences.size() == 2);
        assertEquals(List.of(0L, 1L), second.sequences, "frame 2 never reached the later subscribers");
        assertEquals(List.of(0L, 1L), third.sequences);
    }

    private void add(FrameListener listener, int capacity, DropPolicy policy) {
        // queues and delivery threads are what these tests are about: none of them called on the capturing thread
        Subscription subscription = new Subscription("test", "test.bundle", "*", List.of(), capacity, policy,
                HOUR_MILLIS, false, true);
        Subscriber subscriber = new Subscriber("cam", listener, subscription,
                new QueueSpec(capacity, policy, HOUR_MILLIS));
        fanOut.add(subscriber);
        subscriber.start();
    }

    /** Publishes one frame as the capture thread does, releasing its own handle afterwards. */
    private void publish(long sequence) throws InterruptedException {
        Frame frame = frames.frame(sequence);
        try {
            fanOut.publish(frame);
        } finally {
            frame.release();
        }
    }

    /** Records the sequences it got; its delivery thread writes, the test reads. */
    private static final class Recording implements FrameListener {
        final List<Long> sequences = new CopyOnWriteArrayList<>();

        @Override
        public void onFrame(Frame frame) {
            sequences.add(frame.sequence());
        }
    }
}
