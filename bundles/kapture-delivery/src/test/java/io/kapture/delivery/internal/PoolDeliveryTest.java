package io.kapture.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.FramePoolStats;
import io.kapture.testing.TestDriverBuffer;

/** The pool strategy: immediate requeue, pooled buffer returned on the last release, buffer kind. */
class PoolDeliveryTest {

    private static final int BYTES = 614_400;

    private final RecordingPool pool = new RecordingPool();
    private final FakeContext context = new FakeContext("cam0", 2);

    @Test
    void driverBufferIsRequeuedAtOnceAndThePooledBufferOnTheLastRelease() {
        PoolDelivery delivery = new PoolDelivery(pool, BufferKind.DIRECT);
        TestDriverBuffer buffer = new TestDriverBuffer(1, BYTES).fill(3, BYTES, 0);

        Frame frame = delivery.wrap(buffer, context);
        Frame kept = frame.retain("archiver");
        buffer.fill(4, BYTES, 0);

        assertEquals(1, context.requeues(1));
        assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(3, BYTES)), kept.data());
        frame.release();
        assertEquals(1, pool.stats().outstanding());
        kept.release();
        FramePoolStats stats = pool.stats();
        assertEquals(0, stats.outstanding());
        assertEquals(1, stats.returns());
    }

    @Test
    void warmStrategyReusesThePooledBuffer() {
        PoolDelivery delivery = new PoolDelivery(pool, BufferKind.DIRECT);
        TestDriverBuffer buffer = new TestDriverBuffer(0, BYTES);
        for (int i = 0; i < 50; i++) {
            Frame frame = delivery.wrap(buffer.fill(i, 1000, 0), context);
            assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(i, 1000)), frame.data());
            frame.release();
        }

        FramePoolStats stats = pool.stats();
        assertEquals(50, stats.gets());
        assertEquals(1, stats.allocations());
        assertEquals(0, stats.outstanding());
    }

    @Test
    void bufferKindFollowsTheConfiguration() {
        PoolDelivery delivery = new PoolDelivery(pool, BufferKind.HEAP);
        TestDriverBuffer buffer = new TestDriverBuffer(0, 4096);
        delivery.wrap(buffer.fill(1, 100, 0), context).release();

        delivery.bufferKind(BufferKind.DIRECT);
        Frame direct = delivery.wrap(buffer.fill(2, 100, 0), context);

        assertEquals(List.of(BufferKind.HEAP, BufferKind.DIRECT), pool.kinds);
        assertEquals(BufferKind.DIRECT, delivery.bufferKind());
        assertTrue(direct.data().isDirect());
        direct.release();
    }

    @Test
    void framesOfSeveralCamerasDoNotMix() {
        PoolDelivery delivery = new PoolDelivery(pool, BufferKind.DIRECT);
        FakeContext other = new FakeContext("cam1", 2);
        Frame a = delivery.wrap(new TestDriverBuffer(0, 4096).fill(10, 500, 0), context);
        Frame b = delivery.wrap(new TestDriverBuffer(0, 4096).fill(20, 500, 0), other);
        a.release();
        Frame c = delivery.wrap(new TestDriverBuffer(1, 4096).fill(30, 500, 0), context);

        assertEquals("cam1", b.camera());
        assertEquals(20, b.sequence());
        assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(20, 500)), b.data());
        assertEquals(30, c.sequence());
        assertFalse(b.isReleased());
        b.release();
        c.release();
        assertEquals(0, pool.stats().outstanding());
    }
}
