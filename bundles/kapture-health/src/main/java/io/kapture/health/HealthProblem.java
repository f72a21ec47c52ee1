package io.kapture.health;

/**
 * One failing check.
 *
 * @param check   what was checked, one of the {@code CHECK_*} names
 * @param subject what failed it: a camera's name, {@code camera/listener} for a listener, or the storage directory
 * @param reason  why, in a sentence with the measured figure and the tolerance it broke
 */
public record HealthProblem(String check, String subject, String reason) {

    /** A camera that should run is failed, waiting for a missing provider or strategy, or between states. */
    public static final String CHECK_CAMERA_STATE = "camera-state";
    /** A running camera has delivered no frame for a while. */
    public static final String CHECK_CAMERA_STALLED = "camera-stalled";
    /** A running camera's measured frame rate is far below its configured one. */
    public static final String CHECK_CAMERA_FPS = "camera-fps";
    /** A running camera's driver flags more than the configured share of its frames as corrupted. */
    public static final String CHECK_CAMERA_CORRUPT = "camera-corrupt";
    /** A listener loses more of its frames than the configured share. */
    public static final String CHECK_LISTENER_DROPS = "listener-drops";
    /** The storage directory's file system is nearly full. */
    public static final String CHECK_STORAGE = "storage-free";
}
