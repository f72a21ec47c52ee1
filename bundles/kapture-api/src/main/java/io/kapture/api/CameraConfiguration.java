package io.kapture.api;

/**
 * The names of a camera's configuration: its factory PID and property keys, for code that creates or edits camera
 * configurations through Configuration Admin (shells, consoles, tests). A camera named {@code cam0} is the factory
 * configuration {@code io.kapture.camera~cam0}, or the file {@code etc/io.kapture.camera-cam0.cfg} in Karaf.
 */
public final class CameraConfiguration {

    /** Factory PID of camera configurations: one configuration per camera. */
    public static final String FACTORY_PID = "io.kapture.camera";

    /** Camera name (String); defaults to the configuration's name after {@code ~}. */
    public static final String NAME = "name";
    /** Device to capture from (String): {@code synthetic}, {@code /dev/video0}, a {@code /dev/v4l/by-id} name. */
    public static final String DEVICE = "device";
    /** Wanted width in pixels (int). */
    public static final String WIDTH = "width";
    /** Wanted height in lines (int). */
    public static final String HEIGHT = "height";
    /** Wanted {@link PixelFormat} name or fourcc (String). */
    public static final String PIXEL_FORMAT = "pixel.format";
    /** Wanted frames per second (double); 0 means as fast as the device can. */
    public static final String FPS = "fps";
    /** Driver buffers (int, at least 2). */
    public static final String BUFFERS = "buffers";
    /** Delivery strategy name (String): {@code copy}, {@code pool}, {@code zerocopy} or another registered one. */
    public static final String DELIVERY = "delivery";
    /** Default queue capacity of listeners that do not choose one (int). */
    public static final String QUEUE_CAPACITY = "queue.capacity";
    /** Default {@link DropPolicy} of listeners that do not choose one (String). */
    public static final String DROP_POLICY = "drop.policy";
    /** Whether the camera captures (boolean); false keeps it configured but stopped. */
    public static final String ENABLED = "enabled";
    /** Controls applied when the device opens (String[] of {@code name=value}). */
    public static final String CONTROLS = "controls";
    /** Milliseconds between attempts to reopen a failed device (long). */
    public static final String RETRY_INTERVAL_MS = "retry.interval.ms";
    /** Milliseconds without a frame after which the stream is restarted (long); 0 disables the watchdog. */
    public static final String STALL_TIMEOUT_MS = "stall.timeout.ms";

    private CameraConfiguration() {
    }
}
