package io.kapture.delivery.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DriverBuffer;

/**
 * A session's side for tests: counts requeues per buffer index, fallback copies and reclaimed leases, with a
 * queued-buffer figure the test sets. Thread-safe and allocation-free, so it can stand in during concurrency
 * and allocation measurements.
 */
final class FakeContext implements DeliveryContext {

    static final FrameFormat FORMAT = FrameFormat.of(640, 480, PixelFormat.YUYV);

    private final String camera;
    private final AtomicIntegerArray requeues;
    private final AtomicInteger totalRequeues = new AtomicInteger();
    private final AtomicInteger fallbackCopies = new AtomicInteger();
    private final AtomicInteger reclaimedLeases = new AtomicInteger();
    private volatile int queued = 3;

    FakeContext(String camera, int bufferCount) {
        this.camera = camera;
        this.requeues = new AtomicIntegerArray(bufferCount);
    }

    void queued(int buffers) {
        this.queued = buffers;
    }

    int requeues(int index) {
        return requeues.get(index);
    }

    int totalRequeues() {
        return totalRequeues.get();
    }

    int fallbackCopies() {
        return fallbackCopies.get();
    }

    int reclaimedLeases() {
        return reclaimedLeases.get();
    }

    @Override
    public String camera() {
        return camera;
    }

    @Override
    public FrameFormat format() {
        return FORMAT;
    }

    @Override
    public int queuedBuffers() {
        return queued;
    }

    @Override
    public int bufferCount() {
        return requeues.length();
    }

    @Override
    public void requeue(DriverBuffer buffer) {
        requeues.incrementAndGet(buffer.index());
        totalRequeues.incrementAndGet();
    }

    @Override
    public void countFallbackCopy() {
        fallbackCopies.incrementAndGet();
    }

    @Override
    public void countReclaimedLease() {
        reclaimedLeases.incrementAndGet();
    }
}
