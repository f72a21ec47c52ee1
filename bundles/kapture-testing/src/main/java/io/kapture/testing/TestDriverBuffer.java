package io.kapture.testing;

import java.nio.ByteBuffer;

import io.kapture.api.spi.DriverBuffer;

/**
 * A driver buffer for tests of delivery strategies and sessions: direct memory the test fills (with
 * {@link #patternByte}'s pattern, so a reader can check every byte) and metadata it sets. {@link #memory()} hands
 * out the buffer itself, as a capture source does, so wrapping it allocates nothing.
 *
 * <p>Not thread-safe; filled by the test thread before it is wrapped, as a capture source fills its buffers.
 */
public final class TestDriverBuffer implements DriverBuffer {

    private final int index;
    private final ByteBuffer memory;
    private int bytesUsed;
    private long sequence;
    private long timestampNanos;
    private int flags;

    public TestDriverBuffer(int index, int capacity) {
        this.index = index;
        this.memory = ByteBuffer.allocateDirect(capacity);
    }

    /** Fills the first {@code bytes} bytes with a pattern derived from {@code seq}, and sets the metadata. */
    public TestDriverBuffer fill(long seq, int bytes, int frameFlags) {
        for (int i = 0; i < bytes; i++) {
            memory.put(i, patternByte(seq, i));
        }
        this.sequence = seq;
        this.bytesUsed = bytes;
        this.timestampNanos = 1_000_000L * seq + 7;
        this.flags = frameFlags;
        return this;
    }

    /** Sets only the metadata, leaving the memory as it is (cheap enough for allocation measurements). */
    public TestDriverBuffer stamp(long seq, int bytes) {
        this.sequence = seq;
        this.bytesUsed = bytes;
        this.timestampNanos = seq;
        return this;
    }

    public static byte patternByte(long seq, int i) {
        return (byte) (i * 31 + seq * 7 + (i >>> 8));
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public ByteBuffer memory() {
        return memory;
    }

    @Override
    public int bytesUsed() {
        return bytesUsed;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public long timestampNanos() {
        return timestampNanos;
    }

    @Override
    public int flags() {
        return flags;
    }
}
