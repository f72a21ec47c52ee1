package io.kapture.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;
import io.kapture.synthetic.SyntheticCameras;

/**
 * Frames of Kapture's synthetic camera, taken through its {@link CaptureSource} as the engine takes them and
 * copied into {@link TestFrame}s. A {@link #timeline} feed runs as fast as frames are taken and stamps them on an
 * exact 30 fps timeline ({@link #FRAME_NANOS} apart from 0), so tests can compute which frame falls where; a
 * {@link #live} feed is paced by the synthetic camera in real time and stamps frames with the clocks. Each feed
 * opens a synthetic device of its own, so feeds never share controls, and counts the retains of all its frames.
 *
 * <p>Threading contract: not thread-safe; one thread takes frames. The frames themselves are safe from any
 * thread.
 */
public final class SyntheticFeed implements AutoCloseable {

    /** Time between two frames of a {@link #timeline} feed: 1/30 s. */
    public static final long FRAME_NANOS = 33_333_333;

    private static final AtomicInteger DEVICES = new AtomicInteger();

    private final String camera;
    private final CaptureSource source;
    private final FrameFormat format;
    private final boolean live;
    private final AtomicInteger retains = new AtomicInteger();
    private long index;

    private SyntheticFeed(String camera, String pattern, int width, int height, PixelFormat pixelFormat,
            double fps) {
        this.camera = camera;
        this.live = fps > 0;
        this.source = SyntheticCameras.provider().open("synthetic:kapture-testing-" + DEVICES.incrementAndGet(),
                Map.of("synthetic.pattern", pattern));
        try {
            this.format = source.negotiate(new FormatRequest(width, height, pixelFormat, fps)).format();
            source.start(3);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * Frames as fast as they are taken, stamped 1/30 s apart from capture time 0.
     *
     * @param pattern the synthetic camera's {@code synthetic.pattern}: {@code bars}, {@code box},
     *                {@code bars+box} or {@code noise}
     */
    public static SyntheticFeed timeline(String camera, String pattern, int width, int height, PixelFormat format) {
        return new SyntheticFeed(camera, pattern, width, height, format, 0);
    }

    /** Frames when the synthetic camera makes them at {@code fps}, stamped with the monotonic and wall clocks. */
    public static SyntheticFeed live(String camera, String pattern, int width, int height, PixelFormat format,
            double fps) {
        if (!(fps > 0)) {
            throw new IllegalArgumentException("a live feed needs a frame rate above 0, was " + fps);
        }
        return new SyntheticFeed(camera, pattern, width, height, format, fps);
    }

    /** The format the synthetic camera settled on. */
    public FrameFormat format() {
        return format;
    }

    /**
     * The camera's next frame, with the driver's sequence number and flags; the caller holds its one handle.
     *
     * @throws IllegalStateException if the synthetic camera makes no frame within 5 s, or the thread is interrupted
     */
    public TestFrame next() {
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
            TestFrame.Builder frame = TestFrame.builder(format, image).camera(camera).sequence(buffer.sequence())
                    .flags(buffer.flags()).retainCounter(retains);
            if (live) {
                frame.timestampNanos(System.nanoTime()).wallClockMillis(System.currentTimeMillis());
            } else {
                frame.timestampNanos(FRAME_NANOS * index++);
            }
            return frame.build();
        } finally {
            source.queue(buffer);
        }
    }

    /** Retain calls on all the frames this feed made. */
    public int retains() {
        return retains.get();
    }

    @Override
    public void close() {
        source.close();
    }
}
