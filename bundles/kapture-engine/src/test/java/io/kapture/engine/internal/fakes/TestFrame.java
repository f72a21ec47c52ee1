package io.kapture.engine.internal.fakes;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.spi.DriverBuffer;

/**
 * A reference-counted frame handle for the test strategies: every handle is released once, the last release
 * runs the strategy's hook, and a reclaimed frame refuses access like a real zero-copy lease does.
 *
 * <p>Thread-safe: handles may be retained and released from any thread.
 */
public final class TestFrame implements Frame {

    /** The memory and metadata shared by all handles of one frame. */
    static final class Core {
        final String camera;
        final FrameFormat format;
        final long sequence;
        final long timestampNanos;
        final int flags;
        final int bytesUsed;
        final ByteBuffer data;
        final DriverBuffer buffer;
        final long receivedNanos = System.nanoTime();
        final long wallClockMillis = System.currentTimeMillis();
        final AtomicInteger handles = new AtomicInteger(1);
        final Runnable onLastRelease;
        volatile boolean reclaimed;

        Core(DriverBuffer buffer, String camera, FrameFormat format, ByteBuffer data, Runnable onLastRelease) {
            this.camera = camera;
            this.format = format;
            this.sequence = buffer.sequence();
            this.timestampNanos = buffer.timestampNanos();
            this.flags = buffer.flags();
            this.bytesUsed = buffer.bytesUsed();
            this.data = data;
            this.buffer = buffer;
            this.onLastRelease = onLastRelease;
        }
    }

    private final Core core;
    private final AtomicBoolean released = new AtomicBoolean();

    TestFrame(Core core) {
        this.core = core;
    }

    Core core() {
        return core;
    }

    private Core check() {
        if (released.get() || core.reclaimed) {
            throw new IllegalStateException("frame " + core.sequence + " already released or reclaimed");
        }
        return core;
    }

    @Override
    public String camera() {
        return check().camera;
    }

    @Override
    public FrameFormat format() {
        return check().format;
    }

    @Override
    public ByteBuffer data() {
        ByteBuffer view = check().data.asReadOnlyBuffer();
        view.clear().limit(core.bytesUsed);
        return view;
    }

    @Override
    public long sequence() {
        return check().sequence;
    }

    @Override
    public long timestampNanos() {
        return check().timestampNanos;
    }

    @Override
    public long wallClockMillis() {
        return check().wallClockMillis;
    }

    @Override
    public long receivedNanos() {
        return check().receivedNanos;
    }

    @Override
    public int flags() {
        return check().flags;
    }

    @Override
    public int bytesUsed() {
        return check().bytesUsed;
    }

    @Override
    public Frame retain(String holder) {
        check().handles.incrementAndGet();
        return new TestFrame(core);
    }

    @Override
    public void release() {
        if (released.compareAndSet(false, true) && core.handles.decrementAndGet() == 0 && !core.reclaimed) {
            core.onLastRelease.run();
        }
    }

    @Override
    public boolean isReleased() {
        return released.get() || core.reclaimed;
    }
}
