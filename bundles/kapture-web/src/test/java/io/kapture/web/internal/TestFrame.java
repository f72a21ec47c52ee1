package io.kapture.web.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;

/**
 * A frame over a heap copy of an image with chosen metadata; receive and capture times are the same. Counts
 * retains on all test frames so tests can check that the preview keeps none. Immutable apart from the shared
 * counter; safe from any thread.
 */
final class TestFrame implements Frame {

    /** Retain calls on all test frames since the counter was last reset. */
    static final AtomicInteger RETAINS = new AtomicInteger();

    private final String camera;
    private final FrameFormat format;
    private final ByteBuffer data;
    private final long sequence;
    private final long nanos;

    TestFrame(String camera, FrameFormat format, byte[] image, long sequence, long nanos) {
        this.camera = camera;
        this.format = format;
        this.data = ByteBuffer.wrap(image).asReadOnlyBuffer();
        this.sequence = sequence;
        this.nanos = nanos;
    }

    @Override
    public String camera() {
        return camera;
    }

    @Override
    public FrameFormat format() {
        return format;
    }

    @Override
    public ByteBuffer data() {
        return data.duplicate();
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public long timestampNanos() {
        return nanos;
    }

    @Override
    public long wallClockMillis() {
        return 1_700_000_000_000L + nanos / 1_000_000;
    }

    @Override
    public long receivedNanos() {
        return nanos;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int bytesUsed() {
        return data.limit();
    }

    @Override
    public Frame retain(String holder) {
        RETAINS.incrementAndGet();
        return this;
    }

    @Override
    public void release() {
        // Heap memory: nothing to give back.
    }

    @Override
    public boolean isReleased() {
        return false;
    }
}
