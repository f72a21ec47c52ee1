package io.kapture.benchmarks;

import java.nio.ByteBuffer;

import io.kapture.api.FrameFormat;
import io.kapture.api.spi.DriverBuffer;

/**
 * A stand-in for one driver buffer: native memory holding a frame, with metadata that advances per frame like a
 * driver's, so the benchmarks measure Kapture's delivery and not a device.
 *
 * <p>Not thread-safe: advanced by the benchmark thread only.
 */
final class BenchmarkBuffer implements DriverBuffer {
    private final ByteBuffer memory;
    private final int bytesUsed;
    private long sequence;

    BenchmarkBuffer(FrameFormat format) {
        bytesUsed = format.imageSize();
        memory = ByteBuffer.allocateDirect(bytesUsed);
        for (int i = 0; i < bytesUsed; i += 64) {
            memory.put(i, (byte) (i >>> 6));
        }
    }

    /** Pretends the driver filled the buffer with the next frame. */
    BenchmarkBuffer next() {
        sequence++;
        return this;
    }

    @Override
    public int index() {
        return 0;
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
        return sequence * 1_000_000L;
    }

    @Override
    public int flags() {
        return 0;
    }
}
