package io.kapture.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.kapture.api.Frame;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.testing.TestDriverBuffer;

/**
 * The pooled copy (pool strategy, zero-copy's fallback): exactly the driver's {@code bytesUsed} bytes, whatever
 * their count, the pooled buffer's kind, the driver buffer's position, or what the pooled buffer held before; the
 * driver buffer's position and limit left as they were.
 */
class PooledCopyTest {

    /** Odd, and not a multiple of any vector width, so that a copy's tail handling shows. */
    private static final int ODD = 100_003;

    private final RecordingPool pool = new RecordingPool();
    private final FakeContext context = new FakeContext("cam0", 2);

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void copiesExactlyTheBytesUsedOfAnOddSizedFrame(BufferKind kind) {
        PoolDelivery delivery = new PoolDelivery(pool, kind);
        TestDriverBuffer buffer = new TestDriverBuffer(0, ODD + 13).fill(5, ODD, 0);

        Frame frame = delivery.wrap(buffer, context);

        assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(5, ODD)), frame.data());
        assertEquals(ODD, frame.bytesUsed());
        frame.release();
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void aSmallerFrameInARecycledBufferShowsOnlyItsOwnBytes(BufferKind kind) {
        PoolDelivery delivery = new PoolDelivery(pool, kind);
        TestDriverBuffer buffer = new TestDriverBuffer(0, ODD);
        delivery.wrap(buffer.fill(1, ODD, 0), context).release();

        Frame smaller = delivery.wrap(buffer.fill(2, ODD - 6, 0), context);

        assertEquals(1, pool.stats().allocations(), "the pooled buffer was reused");
        assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(2, ODD - 6)), smaller.data());
        smaller.release();
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void theDriverBuffersPositionIsNotReadAndNeitherItNorTheLimitChanges(BufferKind kind) {
        PoolDelivery delivery = new PoolDelivery(pool, kind);
        TestDriverBuffer buffer = new TestDriverBuffer(0, ODD + 8).fill(3, ODD, 0);
        buffer.memory().position(17);

        Frame frame = delivery.wrap(buffer, context);

        assertEquals(ByteBuffer.wrap(FrameSemanticsTest.expected(3, ODD)), frame.data());
        assertEquals(17, buffer.memory().position());
        assertEquals(ODD + 8, buffer.memory().limit());
        frame.release();
    }
}
