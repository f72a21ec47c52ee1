package io.kapture.processor.recorder.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.Frame;
import io.kapture.api.FrameFlags;
import io.kapture.api.FrameFormat;

/**
 * A frame over a heap copy of an image with chosen metadata; receive and capture times are the same. Counts
 * retains on all test frames so tests can check that nothing keeps a frame. Immutable apart from the shared
 * counter; safe from any thread.
 */
final class TestFrame implements Frame {

    /** Retain calls on all test frames since the counter was last reset. */
    static final AtomicInteger RETAINS = new AtomicInteger();

    /** Wall-clock time of capture time 0. */
    static final long EPOCH_MILLIS = 1_700_000_000_000L;

    private final String camera;
    private final FrameFormat format;
    private final ByteBuffer data;
    private final long sequence;
    private final long nanos;
    private final int flags;

    TestFrame(String camera, FrameFormat format, byte[] image, long sequence, long nanos, int flags) {
        this.camera = camera;
        this.format = format;
        this.data = ByteBuffer.wrap(image).asReadOnlyBuffer();
        this.sequence = sequence;
        this.nanos = nanos;
        this.flags = flags;
    }

    /** This frame as the driver would flag it corrupted. */
    TestFrame corrupted() {
        byte[] copy = new byte[data.limit()];
        data.get(0, copy);
        return new TestFrame(camera, format, copy, sequence, nanos, flags | FrameFlags.ERROR);
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
        return EPOCH_MILLIS + nanos / 1_000_000;
    }

    @Override
    public long receivedNanos() {
        return nanos;
    }

    @Override
    public int flags() {
        return flags;
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
