package io.kapture.v4l2.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureException;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.structs.V4l2Event;

/**
 * The V4L2 events that end a stream: a source change (an HDMI or SDI capture card whose input switched
 * resolution, a decoder that found a new size) and end of stream. After either, buffers of the old format keep
 * coming or none come at all; the only right move is to stop and negotiate again. {@link #drain} turns them into a
 * {@link CaptureException} naming what happened, which the engine answers like any failure: it stops the camera
 * and starts it again, negotiating the configured format against what the device offers now.
 *
 * <p>Subscribing is best effort: a webcam with a fixed sensor emits neither event and refuses the subscription
 * ({@code EINVAL}), which only means there is nothing to watch.
 *
 * <p>Threading: {@link #negotiating} and {@link #subscribe} on the life-cycle thread, {@link #drain} on the capture thread; never at the
 * same time (the {@link io.kapture.api.spi.CaptureSource} contract). The event struct is reused.
 */
final class StreamEndEvents {

    private static final Logger LOG = LoggerFactory.getLogger(StreamEndEvents.class);

    private final V4l2Device device;
    private final V4l2Event event = new V4l2Event();
    private volatile long negotiatedAt = Long.MIN_VALUE;

    StreamEndEvents(V4l2Device device) {
        this.device = device;
    }

    /**
     * Marks the moment a format is negotiated: events from before it are answered by that negotiation (V4L2 event
     * timestamps and {@link System#nanoTime()} are both {@code CLOCK_MONOTONIC} on Linux), so they must not end the
     * stream that follows it, or every such event would cost one more restart.
     */
    void negotiating() {
        negotiatedAt = System.nanoTime();
    }

    /**
     * Subscribes to source-change events of the current input (their id is the input's index; the input may have
     * been switched since the last start) and to end-of-stream events. Subscribing again to what is subscribed
     * already changes nothing; subscriptions last until the device is closed.
     */
    void subscribe() {
        subscribe(V4l2.EVENT_SOURCE_CHANGE, currentInput(), "source-change");
        subscribe(V4l2.EVENT_EOS, 0, "end-of-stream");
    }

    private int currentInput() {
        try {
            return device.input();
        } catch (CaptureException e) {
            return 0;
        }
    }

    private void subscribe(int type, int id, String name) {
        try {
            device.subscribe(type, id);
        } catch (CaptureException e) {
            LOG.debug("{}: no {} events ({})", device.path(), name, e.getMessage());
        }
    }

    /**
     * Takes every pending event.
     *
     * @return whether there was any (a wait woken by {@code POLLPRI} with none pending should not spin)
     * @throws CaptureException on a resolution change or end of stream
     */
    boolean drain() {
        boolean any = false;
        while (device.dequeueEvent(event)) {
            any = true;
            int type = event.type();
            if (event.timestampNanos() < negotiatedAt) {
                LOG.debug("{}: ignoring V4L2 event type {} from before the format was negotiated", device.path(),
                        type);
                continue;
            }
            if (type == V4l2.EVENT_SOURCE_CHANGE && (event.sourceChanges() & V4l2.EVENT_SRC_CH_RESOLUTION) != 0) {
                throw new CaptureException(device.path() + ": the device's input changed resolution (V4L2 source"
                        + " change event); the stream is stopped so that the format is negotiated again");
            }
            if (type == V4l2.EVENT_EOS) {
                throw new CaptureException(device.path() + ": the device ended the stream (V4L2 end-of-stream"
                        + " event); it is started again");
            }
            LOG.debug("{}: ignoring V4L2 event type {}", device.path(), type);
        }
        return any;
    }
}
