package io.kapture.delivery.internal;

import java.nio.ByteBuffer;

import io.kapture.api.spi.DriverBuffer;

/**
 * A driver buffer for tests: direct memory the test fills, and metadata it sets. Not thread-safe; filled by the
 * test thread before it is wrapped, as a capture source fills its buffers.
 */
final class FakeDriverBuffer implements DriverBuffer {

    private final int index;
    private final ByteBuffer memory;
    private int bytesUsed;
    private long sequence;
    private long timestampNanos;
    private int flags;

    FakeDriverBuffer(int index, int capacity) {
        this.index = index;
        this.memory = ByteBuffer.allocateDirect(capacity);
    }

    /** Fills the first {@code bytes} bytes with a pattern derived from {@code seq}, and sets the metadata. */
    FakeDriverBuffer fill(long seq, int bytes, int frameFlags) {
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
    FakeDriverBuffer stamp(long seq, int bytes) {
        this.sequence = seq;
        this.bytesUsed = bytes;
        this.timestampNanos = seq;
        return this;
    }

    static byte patternByte(long seq, int i) {
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
