package io.kapture.web.internal;

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
 * Frames of Kapture's synthetic camera through its public {@link CaptureSource}, copied into {@link TestFrame}s.
 * Either on an exact 30 fps timeline ({@link #next()}, unthrottled) or paced by the source in real time
 * ({@link #live}, stamped with {@link System#nanoTime()}). Not thread-safe: one thread takes frames.
 */
final class SyntheticFeed implements AutoCloseable {

    static final long FRAME_NANOS = 33_333_333;
    private static final AtomicInteger DEVICES = new AtomicInteger();

    private final String camera;
    private final CaptureSource source;
    private final FrameFormat format;
    private long index;

    private SyntheticFeed(String camera, String pattern, int width, int height, PixelFormat pixelFormat,
            double fps) {
        this.camera = camera;
        this.source = new SyntheticSourceProvider().open("synthetic:web-test-" + DEVICES.incrementAndGet(),
                Map.of("synthetic.pattern", pattern));
        this.format = source.negotiate(new FormatRequest(width, height, pixelFormat, fps)).format();
        source.start(3);
    }

    /** As fast as they are taken, stamped 1/30 s apart. */
    static SyntheticFeed timeline(String camera, String pattern, int width, int height, PixelFormat format) {
        return new SyntheticFeed(camera, pattern, width, height, format, 0);
    }

    /** Paced by the synthetic camera at {@code fps} in real time, stamped with {@link System#nanoTime()}. */
    static SyntheticFeed live(String camera, String pattern, int width, int height, PixelFormat format,
            double fps) {
        return new SyntheticFeed(camera, pattern, width, height, format, fps);
    }

    /** The next frame on the 30 fps timeline. */
    TestFrame next() {
        return take(FRAME_NANOS * index++);
    }

    /** The next frame when the camera makes it. */
    TestFrame nextLive() {
        return take(-1);
    }

    private TestFrame take(long stamp) {
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
            buffer.memory().get(0, image);
            return new TestFrame(camera, format, image, buffer.sequence(), stamp >= 0 ? stamp : System.nanoTime());
        } finally {
            source.queue(buffer);
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
