package io.kapture.convert;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;

/**
 * A frame over a given buffer, handing out read-only views as Kapture's frames do. Thread-safe enough for tests:
 * the release flag is atomic, the rest immutable.
 */
final class TestFrame implements Frame {

    private final FrameFormat format;
    private final ByteBuffer memory;
    private final int bytesUsed;
    private final AtomicBoolean released = new AtomicBoolean();

    private TestFrame(FrameFormat format, ByteBuffer memory, int bytesUsed) {
        this.format = format;
        this.memory = memory;
        this.bytesUsed = bytesUsed;
    }

    /** A frame whose data are exactly these bytes, on the heap. */
    static TestFrame of(FrameFormat format, byte[] data) {
        return new TestFrame(format, ByteBuffer.wrap(data), data.length);
    }

    /** A frame whose data are these bytes in native memory, as a driver's buffer is. */
    static TestFrame direct(FrameFormat format, byte[] data) {
        ByteBuffer memory = ByteBuffer.allocateDirect(data.length);
        memory.put(data).clear();
        return new TestFrame(format, memory, data.length);
    }

    @Override
    public String camera() {
        return "cam-test";
    }

    @Override
    public FrameFormat format() {
        return format;
    }

    @Override
    public ByteBuffer data() {
        checkHeld();
        return memory.asReadOnlyBuffer().position(0).limit(bytesUsed);
    }

    @Override
    public long sequence() {
        return 42;
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
        return bytesUsed;
    }

    @Override
    public Frame retain(String holder) {
        checkHeld();
        return new TestFrame(format, memory, bytesUsed);
    }

    @Override
    public void release() {
        released.set(true);
    }

    @Override
    public boolean isReleased() {
        return released.get();
    }

    private void checkHeld() {
        if (released.get()) {
            throw new IllegalStateException("frame released");
        }
    }
}
