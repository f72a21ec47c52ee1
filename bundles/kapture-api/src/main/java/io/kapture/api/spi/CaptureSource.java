package io.kapture.api.spi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.annotation.versioning.ConsumerType;

import io.kapture.api.CaptureException;

/**
 * An opened capture device with driver buffer semantics: a fixed ring of buffers that must be queued to be
 * filled. A V4L2 device and the synthetic camera both implement it, so the engine cannot tell them apart.
 *
 * <p>Life: {@link #negotiate} → {@link #start} → ({@link #dequeue} / {@link #queue})* → {@link #stop} → maybe
 * start again → {@link #close}. If no buffer is queued when a frame is due, the frame is lost and the next
 * sequence number skips, exactly as a V4L2 driver does.
 *
 * <p>Threading contract: the life-cycle methods and {@link #dequeue} are called from one thread at a time (the
 * session's); {@link #queue}, {@link #queuedBuffers()} and the control methods may be called from any thread,
 * concurrently with {@code dequeue}.
 */
@ConsumerType
public interface CaptureSource extends AutoCloseable {

    /** What the device is. */
    DeviceInfo info();

    /**
     * Why the device's buffers must not be lent to listeners, if they must not: empty when a dequeued buffer stays
     * untouched until it is queued back, as V4L2 promises and the drivers of real cameras keep, so that a delivery
     * strategy may hand listeners the buffer itself until they release it ({@link DeliveryStrategy#lendsDriverBuffers()},
     * zero-copy). A source that writes into buffers it handed out or hands them out again before they came back
     * (v4l2loopback), or that cannot go on while one is held (libcamera's V4L2 compatibility layer wants them back
     * in the order it gave them out), says why in words naming its driver; the engine then delivers its frames with
     * a copying strategy instead and reports this reason. Answered once the source is open; it does not change
     * while the source stays open.
     *
     * @return the reason, or empty if lending the buffers is safe
     * @since io.kapture.api.spi 1.2.0
     */
    default Optional<String> whyBuffersCannotBeLent() {
        return Optional.empty();
    }

    /** Every pixel format, frame size and frame rate the device offers. */
    List<FormatDescription> formats();

    /**
     * Picks the supported format closest to the request and sets it.
     *
     * @return what the device will deliver and how it differs from the request
     * @throws io.kapture.api.UnsupportedFormatException if nothing close is supported (the message lists what is)
     */
    Negotiation negotiate(FormatRequest request);

    /** Allocates or maps {@code bufferCount} buffers, queues them all and starts streaming. */
    void start(int bufferCount);

    /**
     * Waits up to {@code timeout} for a filled buffer.
     *
     * @return the buffer, now owned by the caller until queued back; {@code null} on time-out
     * @throws io.kapture.api.DeviceLostException if the device went away
     * @throws CaptureException on any other driver error
     */
    DriverBuffer dequeue(long timeout, TimeUnit unit) throws InterruptedException;

    /** Gives a dequeued buffer back to be filled. Ignored when the source is not streaming. */
    void queue(DriverBuffer buffer);

    /** Buffers queued right now, waiting to be filled. */
    int queuedBuffers();

    /** Buffers allocated by {@link #start}; 0 when stopped. */
    int bufferCount();

    /** Stops streaming and frees the buffers; buffers not yet queued back are reclaimed. Idempotent. */
    void stop();

    /** The device's controls (brightness, exposure, ...). */
    List<ControlInfo> controls();

    /**
     * Reads a control.
     *
     * @throws IllegalArgumentException if the device has no control of that name (the message lists them)
     */
    long control(String name);

    /**
     * Sets a control; values are clamped to the control's range by the driver.
     *
     * @throws IllegalArgumentException if there is no such control or the value is not allowed
     */
    void control(String name, long value);

    /** Stops if streaming and releases the device. Idempotent; never throws. */
    @Override
    void close();
}
