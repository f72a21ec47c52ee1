package io.kapture.api;

/**
 * The life of a capture session. Every operation checks the state it needs.
 *
 * <pre>
 * CONFIGURED → STARTING → RUNNING → STOPPING → STOPPED
 *                  ↘         ↘
 *                   FAILED ←──┘   (retried while the camera stays configured)
 * WAITING: something the camera needs is not installed: no capture source provider handles its device, or its
 *          delivery strategy is not registered. It starts by itself when that arrives.
 * FAILED: the device failed (unplugged, busy, refused the format) or the configuration is invalid; a failed
 *         device is retried every retry.interval.ms, so a returning camera resumes by itself.
 * </pre>
 */
public enum SessionState {
    /** Configured and valid, not started. */
    CONFIGURED,
    /** Waiting for a capture source provider or delivery strategy that is not installed (yet). */
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
