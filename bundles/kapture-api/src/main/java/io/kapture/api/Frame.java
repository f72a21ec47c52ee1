package io.kapture.api;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One captured image and what the driver said about it, held through a reference-counted handle.
 *
 * <p>Each {@code Frame} object is one handle on the frame's memory. {@link #retain()} makes another handle on
 * the same memory, which its holder must {@link #release()} on its own; the memory goes back to where it came
 * from (the driver, for zero-copy delivery, or the pool) when the last handle is released. Releasing a handle
 * is idempotent: a second call does nothing, so a careless holder can never take away somebody else's
 * reference. Once a handle is released every accessor of it throws {@link IllegalStateException}.
 *
 * <p>Thread-safety: a handle may be read, retained and released from any thread; release races are safe. Do
 * not keep the {@link ByteBuffer} of {@link #data()} past release: its memory is reused for later frames.
 */
@ProviderType
public interface Frame {

    /** Name of the camera (its configuration's {@code name}) that captured this frame. */
    String camera();

    /** Size, pixel format and layout of the image. */
    FrameFormat format();

    /**
     * A read-only view of the image: position 0, limit {@link #bytesUsed()}. Each call returns a new view, so
     * its position and limit are the caller's own.
     */
    ByteBuffer data();

    /** The driver's sequence number; a gap to the previous frame means the driver dropped frames. */
    long sequence();

    /** Capture time from the monotonic clock, in nanoseconds; comparable with {@link System#nanoTime()}. */
    long timestampNanos();

    /** Wall-clock time at which Kapture received the frame, in milliseconds since the epoch. */
    long wallClockMillis();

    /** {@link System#nanoTime()} at which Kapture took the frame from the driver; latency is measured from here. */
    long receivedNanos();

    /** The V4L2 buffer flags; see {@link FrameFlags}. */
    int flags();

    /** Bytes of {@link #data()} that hold the image. */
    int bytesUsed();

    /** Whether the driver marked the frame as possibly corrupted ({@link FrameFlags#ERROR}). */
    default boolean isCorrupted() {
        return (flags() & FrameFlags.ERROR) != 0;
    }

    /**
     * A new handle on the same frame, to keep it beyond the call that handed it over. The new handle must be
     * released by whoever keeps it.
     *
     * @throws IllegalStateException if this handle is already released
     */
    default Frame retain() {
        return retain(Thread.currentThread().getName());
    }

    /**
     * Like {@link #retain()}, naming the holder of the new handle; the name appears in the log if the holder
     * keeps a zero-copy frame past its lease.
     */
    Frame retain(String holder);

    /**
     * Retains {@code count} new handles at once, {@code handles[i]} for {@code holders[i]}: the same as calling
     * {@link #retain(String)} for each, in one step where the implementation can (one lock for all), which is what
     * handing one frame to many listeners costs per frame. Allocates nothing but the handles.
     *
     * @throws IllegalStateException if this handle is already released (then no handle was retained)
     */
    default void retain(String[] holders, Frame[] handles, int count) {
        if (isReleased()) {
            throw new IllegalStateException("cannot retain a released frame handle");
        }
        for (int i = 0; i < count; i++) {
            handles[i] = retain(holders[i]);
        }
    }

    /** Gives this handle back; idempotent. The frame's memory is recycled when its last handle is released. */
    void release();

    /** Whether this handle has been released. */
    boolean isReleased();
}
