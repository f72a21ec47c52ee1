package io.kapture.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.kapture.api.spi.ControlInfo;

/**
 * Management view of one configured camera, registered as a service with property {@link #CAMERA} so that
 * shells, web consoles and tests can find it.
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
@ProviderType
public interface CaptureSession {

    /** Service property: the camera's name. */
    String CAMERA = "kapture.camera";

    /** The camera's name, unique among configured cameras. */
    String camera();

    /** The device it captures from, as configured: {@code /dev/video0}, {@code synthetic}, ... */
    String device();

    /** Current state. */
    SessionState state();

    /** The format negotiated with the device, once started. */
    Optional<FrameFormat> format();

    /** Frames per second asked for in the configuration; 0 means as fast as the source can. */
    double configuredFps();

    /**
     * Name of the delivery strategy the configuration asks for ({@code copy}, {@code pool}, {@code zerocopy}, ...);
     * the one delivering the frames is {@link #effectiveDelivery()}.
     */
    String delivery();

    /**
     * Name of the delivery strategy that delivers the running stream's frames: {@link #delivery()}, unless that one
     * lends the driver's buffers to listeners (zero-copy) and the device cannot lend them safely, in which case the
     * engine delivers with a copying strategy ({@code pool}, else {@code copy}) and {@link #deliveryFallback()} says
     * why. The configured one while the camera does not run.
     */
    default String effectiveDelivery() {
        return delivery();
    }

    /**
     * Why the running stream is delivered with {@link #effectiveDelivery()} rather than the configured
     * {@link #delivery()}, in words naming the device's driver; empty when it is delivered as configured.
     */
    default Optional<String> deliveryFallback() {
        return Optional.empty();
    }

    /**
     * The last problem: why the session failed or waits, or why the latest configuration was rejected while the
     * camera kept its previous one. Empty when all is well.
     */
    Optional<String> lastError();

    /**
     * How the running stream differs from what the configuration asked for (the device rounded the size, offered
     * another frame rate, ...), one sentence each; empty when it is exactly what was asked or not running.
     */
    List<String> adjustments();

    /** Counters and latency figures of the current stream; they start again from zero when the stream restarts. */
    CaptureStats stats();

    /**
     * The controls of the running camera's device.
     *
     * @throws IllegalStateException if the camera is not running (the message says its state)
     */
    List<ControlInfo> controls();

    /**
     * Reads a control of the running camera's device.
     *
     * @throws IllegalStateException if the camera is not running
     * @throws IllegalArgumentException if there is no such control (the message lists them)
     */
    long control(String name);

    /**
     * Sets a control of the running camera's device. The value lasts until the device is reopened; to keep it,
     * put it in the configuration's {@link CameraConfiguration#CONTROLS}.
     *
     * @throws IllegalStateException if the camera is not running
     * @throws IllegalArgumentException if there is no such control or the value is not allowed
     */
    void control(String name, long value);

    /** Starts capture if stopped or failed; does nothing if running. */
    void start();

    /** Stops capture, releasing the device; the camera stays configured. */
    void stop();
}
