package io.kapture.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.FramePoolStats;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.pool.internal.BoundedFramePool;
import io.kapture.testing.TestDriverBuffer;

/**
 * A subscriber that retains every frame and never releases one, next to one that releases each frame at once:
 * the pooled memory the hoarder pins must stay bounded, the well-behaved subscriber must see every frame's own
 * data, and a view the hoarder took must never show a later frame.
 */
class HoardingSubscriberTest {

    private static final long HOUR_MS = 3_600_000;
    private static final int BYTES = 10_000;
    /** The pool's size class for {@link #BYTES}: what each held copy pins. */
    private static final int POOLED = 10_240;
    private static final int FRAMES = 1_000;
    /** The reaper runs every this many frames, as it would every quarter lease on a steady stream. */
    private static final int REAP_EVERY = 50;
    private static final int HELD_LIMIT_FRAMES = 10;

    private final BoundedFramePool pool = new BoundedFramePool(16L << 20);
    private final FakeContext context = new FakeContext("cam0", 4);
    private final TestDriverBuffer driver = new TestDriverBuffer(1, 16_384);
    private final List<String> warnings = new ArrayList<>();
    private final TakeBackLog log = new TakeBackLog(warnings::add, () -> 0L);
    private final List<ZeroCopyDelivery> opened = new ArrayList<>();
    private final List<Frame> hoard = new ArrayList<>();

    @AfterEach
    void closeStrategies() {
        opened.forEach(ZeroCopyDelivery::close);
    }

    @Test
    void fallbackCopiesHoardedPastTheirLeaseAreTakenBackAndNeverReused() {
        ZeroCopyDelivery delivery = zeroCopy(new ZeroCopySettings(2, HOUR_MS));
        context.queued(0);
        long maxOutstanding = 0;
        ByteBuffer firstView = null;

        for (int i = 0; i < FRAMES; i++) {
            deliver(delivery, i);
            if (i == 0) {
                firstView = hoard.get(0).data();
            }
            if (i % REAP_EVERY == REAP_EVERY - 1) {
                delivery.reapExpired(System.nanoTime() + TimeUnit.HOURS.toNanos(2));
            }
            maxOutstanding = Math.max(maxOutstanding, pool.stats().outstanding());
        }

        assertEquals(FRAMES, context.fallbackCopies());
        assertTrue(maxOutstanding <= REAP_EVERY, "outstanding pooled buffers peaked at " + maxOutstanding
                + " (" + maxOutstanding * POOLED + " bytes) for " + FRAMES + " frames");
        assertEquals(FRAMES - FRAMES % REAP_EVERY, context.reclaimedLeases());
        assertThrows(IllegalStateException.class, hoard.get(0)::data);
        assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(0, BYTES)), firstView,
                "a view taken before the take-back shows a later frame's image");
        assertPoolCountsAddUp(FRAMES % REAP_EVERY, delivery.heldCopyBytes());
    }

    @Test
    void fallbackCopiesHeldBeyondTheByteLimitAreTakenBackOldestFirst() {
        ZeroCopyDelivery delivery = zeroCopy(new ZeroCopySettings(2, HOUR_MS, HELD_LIMIT_FRAMES * POOLED));
        context.queued(0);

        for (int i = 0; i < FRAMES; i++) {
            deliver(delivery, i);
            assertTrue(pool.stats().outstanding() <= HELD_LIMIT_FRAMES, "outstanding pooled buffers reached "
                    + pool.stats().outstanding() + " at frame " + i);
        }

        assertEquals(FRAMES - HELD_LIMIT_FRAMES, context.reclaimedLeases());
        assertEquals(HELD_LIMIT_FRAMES * POOLED, delivery.heldCopyBytes());
        assertEquals(FRAMES - 1, hoard.get(FRAMES - 1).sequence());
        assertEquals(FRAMES - HELD_LIMIT_FRAMES, hoard.get(FRAMES - HELD_LIMIT_FRAMES).sequence());
        assertThrows(IllegalStateException.class, hoard.get(FRAMES - HELD_LIMIT_FRAMES - 1)::sequence);
        assertPoolCountsAddUp(HELD_LIMIT_FRAMES, delivery.heldCopyBytes());
    }

    @Test
    void poolStrategyTakesBackTheOldestFramesHeldBeyondTheByteLimit() {
        PoolDelivery delivery = new PoolDelivery(pool, BufferKind.DIRECT, HELD_LIMIT_FRAMES * POOLED, log);
        ByteBuffer firstView = null;

        for (int i = 0; i < FRAMES; i++) {
            deliver(delivery, i);
            if (i == 0) {
                firstView = hoard.get(0).data();
            }
            assertTrue(pool.stats().outstanding() <= HELD_LIMIT_FRAMES, "outstanding pooled buffers reached "
                    + pool.stats().outstanding() + " at frame " + i);
        }

        assertEquals(FRAMES - HELD_LIMIT_FRAMES, context.reclaimedLeases());
        assertEquals(HELD_LIMIT_FRAMES * POOLED, delivery.heldBytes());
        assertThrows(IllegalStateException.class, hoard.get(0)::data);
        assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(0, BYTES)), firstView,
                "a view taken before the take-back shows a later frame's image");
        assertPoolCountsAddUp(HELD_LIMIT_FRAMES, delivery.heldBytes());
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.contains("pooled copy of frame 0 of camera cam0 from hoarder"), warning);
        assertTrue(warning.contains("max.held.bytes of " + PoolDelivery.PID), warning);
    }

    @Test
    void framesReleasedInTimeAreNeverTakenBack() {
        PoolDelivery pooled = new PoolDelivery(pool, BufferKind.DIRECT, POOLED, log);
        ZeroCopyDelivery zeroCopy = zeroCopy(new ZeroCopySettings(2, HOUR_MS, POOLED));
        context.queued(0);

        for (int i = 0; i < FRAMES; i++) {
            for (DeliveryStrategy strategy : List.of(pooled, zeroCopy)) {
                Frame frame = strategy.wrap(driver.fill(i, BYTES, 0), context);
                Frame normal = frame.retain("normal");
                frame.release();
                assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(i, BYTES)), normal.data());
                normal.release();
            }
        }
        zeroCopy.reapExpired(System.nanoTime() + TimeUnit.HOURS.toNanos(2));

        assertEquals(0, context.reclaimedLeases());
        assertEquals(List.of(), warnings);
        assertEquals(0, pooled.heldBytes() + zeroCopy.heldCopyBytes());
        assertEquals(1, pool.stats().allocations(), "released frames recycle their one pooled buffer");
    }

    /** One frame: the hoarder retains it for good, a normal subscriber reads it and releases it at once. */
    private void deliver(DeliveryStrategy strategy, int sequence) {
        Frame frame = strategy.wrap(driver.fill(sequence, BYTES, 0), context);
        hoard.add(frame.retain("hoarder"));
        Frame normal = frame.retain("normal");
        frame.release();
        assertEquals(sequence, normal.sequence());
        assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(sequence, BYTES)), normal.data());
        normal.release();
    }

    /** The pool still counts true: every buffer it handed out came back (or stood in for) but the held ones. */
    private void assertPoolCountsAddUp(long held, long heldBytes) {
        FramePoolStats stats = pool.stats();
        assertEquals(held, stats.outstanding());
        assertEquals(stats.gets() - held, stats.returns());
        assertEquals(held * POOLED, heldBytes);
        assertTrue(stats.bytesHeld() <= stats.maxBytes());
    }

    private ZeroCopyDelivery zeroCopy(ZeroCopySettings settings) {
        ZeroCopyDelivery delivery = new ZeroCopyDelivery(pool, settings, log);
        opened.add(delivery);
        return delivery;
    }
}
