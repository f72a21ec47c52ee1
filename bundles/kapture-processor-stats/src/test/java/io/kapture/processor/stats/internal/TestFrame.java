package io.kapture.processor.stats.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/**
 * A frame with chosen metadata and a tiny image, counting how often any test frame was retained so tests can
 * check that a processor keeps none. Immutable apart from the shared atomic counter; safe from any thread.
 */
final class TestFrame implements Frame {

    /** Retain calls on all test frames since the counter was last reset. */
    static final AtomicInteger RETAINS = new AtomicInteger();

    private static final FrameFormat FORMAT = FrameFormat.of(2, 2, PixelFormat.GREY);

    private final String camera;
    private final long sequence;
    private final long timestampNanos;
    private final long receivedNanos;

    TestFrame(String camera, long sequence, long timestampNanos, long receivedNanos) {
        this.camera = camera;
        this.sequence = sequence;
        this.timestampNanos = timestampNanos;
        this.receivedNanos = receivedNanos;
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
    public ByteBuffer data() {
        return ByteBuffer.allocate(4).asReadOnlyBuffer();
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
    public long wallClockMillis() {
        return timestampNanos / 1_000_000;
    }

    @Override
    public long receivedNanos() {
        return receivedNanos;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int bytesUsed() {
        return 4;
    }

    @Override
    public Frame retain(String holder) {
        RETAINS.incrementAndGet();
        return this;
    }

    @Override
    public void release() {
        // Nothing to give back: the frame owns no memory.
    }

    @Override
    public boolean isReleased() {
        return false;
    }
}
