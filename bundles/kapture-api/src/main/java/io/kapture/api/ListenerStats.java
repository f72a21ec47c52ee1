package io.kapture.api;

/**
 * A snapshot of one listener's figures on one camera.
 *
 * @param name            display name ({@link FrameListener#NAME}, or the class name)
 * @param bundle          symbolic name of the bundle that registered the listener
 * @param cameraFilter    the cameras it asked for, as registered
 * @param policy          its drop policy
 * @param queueCapacity   its queue's capacity
 * @param queued          frames waiting in its queue now
 * @param delivered       frames handed to {@link FrameListener#onFrame}
 * @param dropped         frames dropped for it by its policy because its queue was full
 * @param errors          calls of {@link FrameListener#onFrame} that threw
 * @param latencyP50Nanos median time from taking a frame from the driver to entering the listener
 * @param latencyP99Nanos 99th percentile of the same
 * @param latencyMaxNanos the largest seen
 */
public record ListenerStats(String name, String bundle, String cameraFilter, DropPolicy policy, int queueCapacity,
        int queued, long delivered, long dropped, long errors, long latencyP50Nanos, long latencyP99Nanos,
        long latencyMaxNanos) {
}
