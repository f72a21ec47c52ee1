package io.kapture.api;

/**
 * The life of a capture session. Every operation checks the state it needs.
 *
 * <pre>
 * CONFIGURED → STARTING → RUNNING → STOPPING → STOPPED
 *                  ↘         ↘
 *                   FAILED ←──┘   (retried while the camera stays configured)
 * WAITING: no capture source can serve the configured device yet (not installed, not plugged in).
 * </pre>
 */
public enum SessionState {
    /** Configured and valid, not started. */
    CONFIGURED,
    /** Waiting for a capture source provider or device that is not there (yet). */
    WAITING,
    /** Opening the device, negotiating the format, mapping buffers. */
    STARTING,
    /** Frames are flowing. */
    RUNNING,
    /** Stream is being shut down and buffers returned. */
    STOPPING,
    /** Stopped on request; start it again with {@link CaptureSession#start()}. */
    STOPPED,
    /** Stopped by an error; see {@link CaptureSession#lastError()}. */
    FAILED
}
