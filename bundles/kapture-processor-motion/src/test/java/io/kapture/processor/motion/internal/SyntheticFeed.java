package io.kapture.processor.motion.internal;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;
import io.kapture.synthetic.internal.SyntheticSourceProvider;

/**
 * Frames of Kapture's synthetic camera, taken through its public {@link CaptureSource} as the engine would and
 * copied into {@link TestFrame}s with timestamps on an exact 30 fps timeline. Each feed opens its own synthetic
 * device so feeds never share controls. Not thread-safe: one test thread.
 */
final class SyntheticFeed implements AutoCloseable {

    static final long FRAME_NANOS = 33_333_333;
    private static final AtomicInteger DEVICES = new AtomicInteger();

    private final String camera;
    private final CaptureSource source;
    private final FrameFormat format;
    private long index;

    SyntheticFeed(String camera, String pattern, int width, int height, PixelFormat pixelFormat) {
        this.camera = camera;
        this.source = new SyntheticSourceProvider().open("synthetic:motion-test-" + DEVICES.incrementAndGet(),
                Map.of("synthetic.pattern", pattern));
        this.format = source.negotiate(new FormatRequest(width, height, pixelFormat, 0)).format();
        source.start(3);
    }

    FrameFormat format() {
        return format;
    }

    /** The camera's next frame. */
    TestFrame next() {
        DriverBuffer buffer;
        try {
            buffer = source.dequeue(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a synthetic frame", e);
        }
        if (buffer == null) {
            throw new IllegalStateException("the synthetic camera made no frame within 5 s");
        }
        try {
            byte[] image = new byte[buffer.bytesUsed()];
            ByteBuffer memory = buffer.memory();
            memory.get(0, image);
            return new TestFrame(camera, format, image, buffer.sequence(), FRAME_NANOS * index++);
        } finally {
            source.queue(buffer);
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
