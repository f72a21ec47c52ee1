package io.kapture.api.spi;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One of a capture source's buffers, as {@link CaptureSource#dequeue} returns it once filled.
 *
 * <p>The source owns these objects and reuses one per buffer index: its metadata is valid from dequeue until
 * the buffer is queued back with {@link CaptureSource#queue}. Thread-safety: filled on the capture thread;
 * readable from any thread until queued back (the queue/dequeue hand-over is the happens-before edge).
 */
@ConsumerType
public interface DriverBuffer {

    /** The buffer's index, 0 to {@link CaptureSource#bufferCount()} - 1. */
    int index();

    /**
     * The buffer's memory (the driver's mapping, for V4L2): position 0, capacity the buffer's length. Read only
     * the first {@link #bytesUsed()} bytes. Callers must not change its position or limit: use
     * {@code duplicate()} or absolute access.
     */
    ByteBuffer memory();

    /** Bytes holding the image. */
    int bytesUsed();

    /** The driver's frame sequence number. */
    long sequence();

    /** Capture time on the monotonic clock, in nanoseconds. */
    long timestampNanos();

    /** V4L2 buffer flags, see {@link io.kapture.api.FrameFlags}. */
    int flags();
}
