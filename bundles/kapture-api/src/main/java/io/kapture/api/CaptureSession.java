package io.kapture.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

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

    /** Name of the delivery strategy in use ({@code copy}, {@code pool}, {@code zerocopy}, ...). */
    String delivery();

    /**
     * The last problem: why the session failed or waits, or why the latest configuration was rejected while the
     * camera kept its previous one. Empty when all is well.
     */
    Optional<String> lastError();

    /** Counters and latency figures. */
    CaptureStats stats();

    /** Starts capture if stopped or failed; does nothing if running. */
    void start();

    /** Stops capture, releasing the device; the camera stays configured. */
    void stop();
}
