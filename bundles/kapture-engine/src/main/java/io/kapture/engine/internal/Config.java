package io.kapture.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.kapture.api.CameraConfiguration;
import io.kapture.api.DropPolicy;
import io.kapture.api.PixelFormat;
import io.kapture.engine.internal.config.CameraSettings;

/**
 * One camera, factory PID {@code io.kapture.camera}: one factory configuration per camera, such as
 * {@code etc/io.kapture.camera-cam0.cfg}. This is the metatype every tool shows; the engine validates the same
 * keys itself ({@link io.kapture.engine.internal.config.SettingsParser}) so that a malformed value is reported
 * rather than coerced, with the defaults shared through {@link CameraSettings}. A provider's own keys (the
 * synthetic camera's {@code synthetic.*}) are described by that provider's bundle, not here.
 */
@ObjectClassDefinition(id = CameraConfiguration.FACTORY_PID, name = "Kapture camera",
        description = "A camera to capture from: the device, the format to ask for, how frames are delivered and "
                + "what listeners get by default. Most changes apply live; device, size, format, rate, buffers and "
                + "controls restart only this camera's stream. A synthetic camera takes further keys, listed "
                + "under io.kapture.camera.synthetic.")
@interface Config {

    @AttributeDefinition(name = "Name", required = false,
            description = "The camera's name, unique among cameras; listeners subscribe by it. Empty means the "
                    + "factory configuration's name: io.kapture.camera~cam0 is camera cam0.")
    String name() default "";

    @AttributeDefinition(name = "Device",
            description = "What to capture from: synthetic (or synthetic:<anything>) for the synthetic camera, a "
                    + "V4L2 node such as /dev/video0, or a stable /dev/v4l/by-id/... name.")
    String device() default CameraSettings.DEFAULT_DEVICE;

    @AttributeDefinition(name = "Width", min = "1", max = "16384",
            description = "Pixels per line to ask for; the device may adjust it (the log says how).")
    int width() default CameraSettings.DEFAULT_WIDTH;

    @AttributeDefinition(name = "Height", min = "1", max = "16384",
            description = "Lines to ask for; the device may adjust it.")
    int height() default CameraSettings.DEFAULT_HEIGHT;

    @AttributeDefinition(name = "Pixel format",
            description = "The encoding to ask for; name or fourcc, any case (MJPG works for MJPEG).")
    PixelFormat pixel_format() default PixelFormat.YUYV;

    @AttributeDefinition(name = "Frames per second", min = "0", max = "1000",
            description = "Frame rate to ask for; 0 means as fast as the device can.")
    double fps() default CameraSettings.DEFAULT_FPS;

    @AttributeDefinition(name = "Driver buffers", min = "2", max = "32",
            description = "Buffers the driver fills in turn, 2 to 32. More absorb longer hiccups of listeners "
                    + "holding zero-copy frames, at the cost of memory.")
    int buffers() default CameraSettings.DEFAULT_BUFFERS;

    @AttributeDefinition(name = "Delivery",
            description = "How frames reach listeners: copy (a fresh array per frame), pool (a copy into a "
                    + "recycled buffer) or zerocopy (the driver's buffer itself), or the name of any other "
                    + "registered delivery strategy. Switches live, without losing a frame.")
    String delivery() default CameraSettings.DEFAULT_DELIVERY;

    @AttributeDefinition(name = "Default queue capacity", min = "1", max = "1024",
            description = "Frames queued per listener for listeners that do not set kapture.queue.capacity.")
    int queue_capacity() default CameraSettings.DEFAULT_QUEUE_CAPACITY;

    @AttributeDefinition(name = "Default drop policy",
            description = "What happens when such a listener's queue is full: DROP_OLDEST keeps the newest "
                    + "frames, DROP_NEWEST keeps an unbroken older run, BLOCK makes capture wait (up to the "
                    + "listener's block timeout) and so slows the whole camera to that listener.")
    DropPolicy drop_policy() default DropPolicy.DROP_OLDEST;

    @AttributeDefinition(name = "Enabled",
            description = "Whether to capture; false keeps the camera configured but stopped.")
    boolean enabled() default CameraSettings.DEFAULT_ENABLED;

    @AttributeDefinition(name = "Controls", required = false,
            description = "Device controls set at start, each name=value, e.g. brightness=128.")
    String[] controls() default {};

    @AttributeDefinition(name = "Retry interval (ms)", min = "10", max = "3600000",
            description = "While the device fails or is missing, try to reopen it this often.")
    long retry_interval_ms() default CameraSettings.DEFAULT_RETRY_INTERVAL_MS;

    @AttributeDefinition(name = "Stall timeout (ms)", min = "0",
            description = "Restart the stream when the device delivers no frame for this long; 0 turns the "
                    + "watchdog off, otherwise at least 100.")
    long stall_timeout_ms() default CameraSettings.DEFAULT_STALL_TIMEOUT_MS;

    @AttributeDefinition(name = "Listener grace (ms)", min = "0", max = "600000",
            description = "How long a listener that is unsubscribed, or whose camera stops, may take to return from "
                    + "the frame in hand before it is interrupted; 2 s after the interrupt the camera stops waiting "
                    + "for it. The wait runs on the camera's own control thread, never on the one that unregistered "
                    + "the listener; the camera's next configuration or listener change waits for it.")
    long listener_grace_ms() default CameraSettings.DEFAULT_LISTENER_GRACE_MS;
}
