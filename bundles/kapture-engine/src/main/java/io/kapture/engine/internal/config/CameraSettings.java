package io.kapture.engine.internal.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kapture.api.DropPolicy;
import io.kapture.api.PixelFormat;

/**
 * One camera's validated configuration (factory PID {@code io.kapture.camera}), as {@link SettingsParser} makes
 * it. The defaults are constants here so that the metatype and the parser share one source.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param name            camera name
 * @param device          device name handed to the capture source providers
 * @param width           wanted pixels per line
 * @param height          wanted lines
 * @param pixelFormat     wanted encoding
 * @param fps             wanted frame rate, 0 for as fast as the source can
 * @param buffers         driver buffers
 * @param delivery        name of the delivery strategy
 * @param queueCapacity   queue capacity for listeners that do not choose one
 * @param dropPolicy      drop policy for listeners that do not choose one
 * @param enabled         whether the camera should capture
 * @param controls        device controls applied at start, in order
 * @param retryIntervalMs pause between attempts to reopen a failed device
 * @param stallTimeoutMs  restart the stream after this long without a frame; 0 never
 * @param listenerGraceMs how long a listener that is unsubscribed, or whose camera stops, may take to return from
 *                        {@code onFrame} before it is interrupted
 * @param options         the whole configuration as received, for provider-specific keys
 */
public record CameraSettings(String name, String device, int width, int height, PixelFormat pixelFormat, double fps,
        int buffers, String delivery, int queueCapacity, DropPolicy dropPolicy, boolean enabled,
        List<ControlSetting> controls, long retryIntervalMs, long stallTimeoutMs, long listenerGraceMs,
        Map<String, Object> options) {

    public static final String DEFAULT_DEVICE = "synthetic";
    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 480;
    public static final String DEFAULT_PIXEL_FORMAT = "YUYV";
    public static final double DEFAULT_FPS = 30;
    public static final int DEFAULT_BUFFERS = 4;
    public static final String DEFAULT_DELIVERY = "pool";
    public static final int DEFAULT_QUEUE_CAPACITY = 8;
    public static final String DEFAULT_DROP_POLICY = "DROP_OLDEST";
    public static final boolean DEFAULT_ENABLED = true;
    public static final long DEFAULT_RETRY_INTERVAL_MS = 2000;
    public static final long DEFAULT_STALL_TIMEOUT_MS = 5000;
    /**
     * Long enough for a listener to finish the frame in hand; an interrupt breaks more than waits (it closes the NIO
     * channel a recorder writes to), so it comes only after this.
     */
    public static final long DEFAULT_LISTENER_GRACE_MS = 500;

    public static final int MIN_BUFFERS = 2;
    /** V4L2's VIDEO_MAX_FRAME: no driver hands out more. */
    public static final int MAX_BUFFERS = 32;
    public static final double MAX_FPS = 1000;
    public static final int MAX_QUEUE_CAPACITY = 1024;
    public static final long MIN_RETRY_INTERVAL_MS = 10;
    public static final long MAX_RETRY_INTERVAL_MS = 3_600_000;
    public static final long MIN_STALL_TIMEOUT_MS = 100;
    public static final long MAX_LISTENER_GRACE_MS = 600_000;

    public CameraSettings {
        controls = List.copyOf(controls);
        options = Map.copyOf(options);
    }

    /**
     * Whether changing from {@code previous} to this needs the stream to be reopened: everything the source was
     * opened, negotiated or started with. Delivery, queue defaults, retry, stall and grace settings apply live.
     */
    public boolean needsRestartFrom(CameraSettings previous) {
        return !name.equals(previous.name) || !device.equals(previous.device) || width != previous.width
                || height != previous.height || pixelFormat != previous.pixelFormat
                || Double.compare(fps, previous.fps) != 0 || buffers != previous.buffers
                || !controls.equals(previous.controls) || !Objects.equals(SettingsKeys.providerOptions(options),
                        SettingsKeys.providerOptions(previous.options));
    }

    /** Whether the defaults that listeners without their own queue settings use have changed. */
    public boolean queueDefaultsDifferFrom(CameraSettings previous) {
        return queueCapacity != previous.queueCapacity || dropPolicy != previous.dropPolicy;
    }

    /**
     * A device control to set when the stream starts.
     *
     * @param name  the control's name as the source lists it
     * @param value the value to set
     */
    public record ControlSetting(String name, long value) {
        @Override
        public String toString() {
            return name + "=" + value;
        }
    }
}
