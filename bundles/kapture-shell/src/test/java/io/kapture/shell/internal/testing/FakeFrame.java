package io.kapture.shell.internal.testing;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;

/**
 * A frame over a heap array; one handle, whose release the test can check.
 *
 * <p>Threading contract: the release flag is atomic; the data is never written after construction.
 */
public final class FakeFrame implements Frame {

    private final String camera;
    private final FrameFormat format;
    private final byte[] data;
    private final long sequence;
    public final AtomicBoolean released = new AtomicBoolean();

    public FakeFrame(String camera, FrameFormat format, byte[] data, long sequence) {
        this.camera = camera;
        this.format = format;
        this.data = data;
        this.sequence = sequence;
    }

    private void checkHeld() {
        if (released.get()) {
            throw new IllegalStateException("frame " + sequence + " already released");
        }
    }

    @Override
    public String camera() {
        return camera;
    }

    @Override
    public FrameFormat format() {
        checkHeld();
        return format;
    }

    @Override
    public ByteBuffer data() {
        checkHeld();
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public long timestampNanos() {
        return 0;
    }

    @Override
    public long wallClockMillis() {
        return 0;
    }

    @Override
    public long receivedNanos() {
        return 0;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int bytesUsed() {
        return data.length;
    }

    @Override
    public Frame retain(String holder) {
        throw new UnsupportedOperationException("the shell converts inside onFrame and never retains");
    }

    @Override
    public void release() {
        released.set(true);
    }

    @Override
    public boolean isReleased() {
        return released.get();
    }
}
