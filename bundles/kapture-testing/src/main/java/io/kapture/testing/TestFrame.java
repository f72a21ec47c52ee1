package io.kapture.testing;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;

/**
 * A {@link Frame} over an image in memory, with the metadata a test chooses and the handle rules of Kapture's own
 * frames: {@link #retain()} makes another handle on the same image, {@link #release()} is idempotent per handle,
 * and every accessor of a released handle throws {@link IllegalStateException}, so a component that uses a frame
 * after giving it back fails its test. Retains are counted ({@link #retains()}) so tests can check that a
 * component keeps no frame.
 *
 * <p>Build one with {@link #of} or {@link #builder}; unless a test sets them, the camera is {@value #CAMERA}, the
 * sequence and capture time are 0, the receive time equals the capture time and the wall-clock time is
 * {@link #EPOCH_MILLIS} plus the capture time.
 *
 * <p>Threading contract: a handle may be read, retained and released from any thread; the image is never written
 * after construction, release flags and counters are atomic.
 */
public final class TestFrame implements Frame {

    /** The camera of frames that do not name one. */
    public static final String CAMERA = "cam0";

    /** Wall-clock time of capture time 0: 2023-11-14 22:13:20 UTC. */
    public static final long EPOCH_MILLIS = 1_700_000_000_000L;

    private final Metadata metadata;
    private final ByteBuffer memory;
    private final AtomicBoolean released = new AtomicBoolean();

    private TestFrame(Metadata metadata, ByteBuffer memory) {
        this.metadata = metadata;
        this.memory = memory;
    }

    /** A frame of camera {@value #CAMERA} whose data are exactly these bytes, on the heap. */
    public static TestFrame of(FrameFormat format, byte[] image) {
        return builder(format, image).build();
    }

    /** A builder of frames whose data are exactly these bytes; the array must not change afterwards. */
    public static Builder builder(FrameFormat format, byte[] image) {
        return new Builder(format, image);
    }

    /**
     * A builder preset with this frame's image and metadata, sharing its retain counter: for the same image again
     * later, or flagged otherwise.
     */
    public Builder toBuilder() {
        checkHeld();
        return new Builder(metadata);
    }

    /** Retain calls on this frame's handles, or on every frame sharing its counter. */
    public int retains() {
        return metadata.retains().get();
    }

    @Override
    public String camera() {
        checkHeld();
        return metadata.camera();
    }

    @Override
    public FrameFormat format() {
        checkHeld();
        return metadata.format();
    }

    @Override
    public ByteBuffer data() {
        checkHeld();
        return memory.asReadOnlyBuffer().position(0).limit(metadata.image().length);
    }

    @Override
    public long sequence() {
        checkHeld();
        return metadata.sequence();
    }

    @Override
    public long timestampNanos() {
        checkHeld();
        return metadata.timestampNanos();
    }

    @Override
    public long wallClockMillis() {
        checkHeld();
        return metadata.wallClockMillis() != null ? metadata.wallClockMillis()
                : EPOCH_MILLIS + metadata.timestampNanos() / 1_000_000;
    }

    @Override
    public long receivedNanos() {
        checkHeld();
        return metadata.receivedNanos() != null ? metadata.receivedNanos() : metadata.timestampNanos();
    }

    @Override
    public int flags() {
        checkHeld();
        return metadata.flags();
    }

    @Override
    public int bytesUsed() {
        checkHeld();
        return metadata.image().length;
    }

    @Override
    public Frame retain(String holder) {
        checkHeld();
        metadata.retains().incrementAndGet();
        return new TestFrame(metadata, memory);
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
            throw new IllegalStateException("frame " + metadata.sequence() + " of camera " + metadata.camera()
                    + " is already released");
        }
    }

    /** What a frame says about itself; wall-clock and receive times are null where they follow the capture time. */
    private record Metadata(FrameFormat format, byte[] image, String camera, long sequence, long timestampNanos,
            Long wallClockMillis, Long receivedNanos, int flags, boolean direct, AtomicInteger retains) {
    }

    /**
     * Sets a test frame's metadata. Each {@link #build()} makes a frame of its own (one handle) over the same image.
     * Not thread-safe: one thread builds.
     */
    public static final class Builder {

        private final FrameFormat format;
        private final byte[] image;
        private String camera = CAMERA;
        private long sequence;
        private long timestampNanos;
        private Long wallClockMillis;
        private Long receivedNanos;
        private int flags;
        private boolean direct;
        private AtomicInteger retains = new AtomicInteger();

        private Builder(FrameFormat format, byte[] image) {
            if (format == null || image == null) {
                throw new IllegalArgumentException("a test frame needs a format and an image");
            }
            this.format = format;
            this.image = image;
        }

        private Builder(Metadata frame) {
            this(frame.format(), frame.image());
            camera = frame.camera();
            sequence = frame.sequence();
            timestampNanos = frame.timestampNanos();
            wallClockMillis = frame.wallClockMillis();
            receivedNanos = frame.receivedNanos();
            flags = frame.flags();
            direct = frame.direct();
            retains = frame.retains();
        }

        /** The camera's name; {@value TestFrame#CAMERA} unless set. */
        public Builder camera(String name) {
            this.camera = name;
            return this;
        }

        /** The driver's sequence number. */
        public Builder sequence(long number) {
            this.sequence = number;
            return this;
        }

        /** Capture time on the monotonic clock; also the receive time unless {@link #receivedNanos} is set. */
        public Builder timestampNanos(long nanos) {
            this.timestampNanos = nanos;
            return this;
        }

        /** Wall-clock time; {@link TestFrame#EPOCH_MILLIS} plus the capture time unless set. */
        public Builder wallClockMillis(long millis) {
            this.wallClockMillis = millis;
            return this;
        }

        /** Time Kapture received the frame; the capture time unless set. */
        public Builder receivedNanos(long nanos) {
            this.receivedNanos = nanos;
            return this;
        }

        /** The V4L2 buffer flags, such as {@link io.kapture.api.FrameFlags#ERROR}. */
        public Builder flags(int bufferFlags) {
            this.flags = bufferFlags;
            return this;
        }

        /** Puts the image in native memory, as a driver's buffer is, instead of on the heap. */
        public Builder direct() {
            this.direct = true;
            return this;
        }

        /** Counts the frames' retains in {@code counter}, to sum them over many frames (a whole feed). */
        public Builder retainCounter(AtomicInteger counter) {
            this.retains = counter;
            return this;
        }

        /** A frame with one handle, held by the caller. */
        public TestFrame build() {
            ByteBuffer memory = direct ? ByteBuffer.allocateDirect(image.length).put(image).clear()
                    : ByteBuffer.wrap(image);
            return new TestFrame(new Metadata(format, image, camera, sequence, timestampNanos, wallClockMillis,
                    receivedNanos, flags, direct, retains), memory);
        }
    }
}
