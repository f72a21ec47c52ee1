package io.kapture.engine.internal.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;

/**
 * The ring's own promises: exactly {@code capacity} frames fit (whatever the array size), order survives the index
 * wrapping around many times, and when the producer takes the oldest frame while the consumer takes too (the
 * {@code DROP_OLDEST} race) every frame is won by exactly one of them.
 */
class FrameRingTest {

    private final TrackedFrames frames = new TrackedFrames();

    @Test
    void holdsExactlyItsCapacityAlsoWhenThatIsNoPowerOfTwo() {
        for (int capacity : new int[] {1, 2, 3, 5, 8, 9}) {
            FrameRing ring = new FrameRing(capacity);
            for (int i = 0; i < capacity; i++) {
                assertTrue(ring.offer(frames.frame(i)), "frame " + i + " fits in a ring of " + capacity);
            }
            assertFalse(ring.offer(frames.frame(capacity)), "a ring of " + capacity + " is full");
            assertTrue(ring.isFull());
            assertEquals(capacity, ring.size());
            assertEquals(0, ring.take().sequence());
            assertTrue(ring.offer(frames.frame(capacity + 1)), "taking one makes room for one");
            assertFalse(ring.offer(frames.frame(capacity + 2)));
        }
    }

    @Test
    void keepsOrderWhileItsIndexWrapsAround() {
        FrameRing ring = new FrameRing(3);
        long next = 0;
        long expected = 0;
        for (int round = 0; round < 1000; round++) {
            int batch = 1 + round % 3;
            for (int i = 0; i < batch; i++) {
                assertTrue(ring.offer(frames.frame(next++)));
            }
            assertEquals(batch, ring.size());
            for (int i = 0; i < batch; i++) {
                assertEquals(expected++, ring.take().sequence(), "round " + round);
            }
            assertNull(ring.take());
            assertTrue(ring.isEmpty());
        }
    }

    @Test
    void aHandleGoesToWhoeverTakesItFirst() {
        FrameRing ring = new FrameRing(2);
        Frame first = frames.frame(0);
        ring.offer(first);

        assertSame(first, ring.take());
        assertNull(ring.take(), "taken once, never twice");
    }

    @Test
    void producerAndConsumerTakingAtOnceEachWinEveryFrameExactlyOnce() throws InterruptedException {
        int total = 300_000;
        FrameRing ring = new FrameRing(4);
        AtomicIntegerArray wins = new AtomicIntegerArray(total);
        AtomicLong consumed = new AtomicLong();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> {
            long last = -1;
            while (producing.get() || !ring.isEmpty()) {
                Frame frame = ring.take();
                if (frame != null) {
                    long sequence = frame.sequence();
                    if (sequence <= last) {
                        wins.addAndGet(0, total);
                    }
                    last = sequence;
                    wins.incrementAndGet((int) sequence);
                    consumed.incrementAndGet();
                }
            }
        }, "test-ring-consumer");
        consumer.start();
        long stolen = 0;
        for (int i = 0; i < total; i++) {
            Frame frame = frames.frame(i);
            for (int pause = i % 64; pause > 0; pause--) {
                Thread.onSpinWait(); // varies the pace, so that both sides often reach the oldest frame together
            }
            while (!ring.offer(frame)) {
                Frame oldest = ring.take();
                if (oldest != null) {
                    wins.incrementAndGet((int) oldest.sequence());
                    stolen++;
                }
            }
        }
        producing.set(false);
        consumer.join();

        assertEquals(total, consumed.get() + stolen, "every frame was taken");
        for (int i = 0; i < total; i++) {
            assertEquals(1, wins.get(i), "frame " + i + " was won exactly once (and in order by the consumer)");
        }
        System.out.printf("[ring] %d frames: consumer took %d, producer took %d oldest%n", total, consumed.get(),
                stolen);
    }
}
