package io.kapture.benchmarks;

import io.kapture.api.FrameFormat;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DriverBuffer;

/**
 * A session's side of delivery for benchmarks: counts requeues instead of calling a driver, and reports a
 * comfortable number of queued buffers so zero-copy never takes its starvation fallback.
 *
 * <p>Thread-safety: the counter is only touched by the thread that releases the frames (the benchmark thread).
 */
final class BenchmarkContext implements DeliveryContext {
    private final FrameFormat format;
    long requeued;

    BenchmarkContext(FrameFormat format) {
        this.format = format;
    }

    @Override
    public String camera() {
        return "bench";
    }

    @Override
    public FrameFormat format() {
        return format;
    }

    @Override
    public int queuedBuffers() {
        return 3;
    }

    @Override
    public int bufferCount() {
        return 4;
    }

    @Override
    public void requeue(DriverBuffer buffer) {
        requeued++;
    }

    @Override
    public void countFallbackCopy() {
        throw new IllegalStateException("the benchmark must not take zero-copy's fallback");
    }

    @Override
    public void countReclaimedLease() {
        throw new IllegalStateException("the benchmark must not hold frames past their lease");
    }
}
