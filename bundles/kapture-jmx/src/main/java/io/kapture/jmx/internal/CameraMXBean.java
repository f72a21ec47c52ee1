package io.kapture.jmx.internal;

/**
 * One camera as JMX clients (JConsole, VisualVM, jmxterm, Jolokia) see it, as
 * {@code io.kapture:type=Camera,name=<camera>}: the figures of {@code kapture:cameras} and {@code kapture:stats},
 * and the operations start, stop and snapshot. Counters cover the current stream, as in
 * {@link io.kapture.api.CaptureStats}. Who may call what is Karaf's {@code etc/jmx.acl.io.kapture.cfg}.
 */
public interface CameraMXBean {

    String getName();

    String getDevice();

    /** CONFIGURED, WAITING, STARTING, RUNNING, STOPPING, STOPPED or FAILED. */
    String getState();

    /** The negotiated format, such as {@code 640x480 YUYV}; empty before the first start. */
    String getFormat();

    /** The configured delivery strategy. */
    String getDelivery();

    /** The strategy delivering the frames now: pool where zero-copy is configured on a device that cannot lend. */
    String getEffectiveDelivery();

    /** Why the effective delivery differs from the configured one; empty when it does not. */
    String getDeliveryFallback();

    /** Why the camera failed or waits, or why its latest configuration was refused; empty when all is well. */
    String getLastError();

    double getConfiguredFps();

    double getFps();

    /** When the current stream started, ms since the epoch; 0 if never. */
    long getStreamStartedAtMillis();

    long getRestarts();

    long getFramesCaptured();

    long getFramesDelivered();

    long getFramesDropped();

    long getSequenceGaps();

    /** Frames the driver numbered no higher than the frame before; still delivered, not counted as gaps. */
    long getSequenceRepeats();

    long getCorruptedFrames();

    int getDriverBuffersQueued();

    int getDriverBuffers();

    int getListeners();

    /** Starts capture if stopped or failed; returns the state reached. */
    String start();

    /** Stops capture, releasing the device; the camera stays configured. Returns the state reached. */
    String stop();

    /**
     * Saves the camera's next frame as a JPEG file in the folder {@code snapshots} of the storage directory
     * ({@code kapture.storage.dir}) and returns the file's absolute path.
     */
    String snapshot();
}
