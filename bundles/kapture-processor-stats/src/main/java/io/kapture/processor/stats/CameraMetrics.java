package io.kapture.processor.stats;

/**
 * A snapshot of one camera's stream statistics as one listener sees them. Frames a listener's queue dropped
 * show as sequence gaps just like frames the driver dropped, since both skip sequence numbers.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param camera           the camera's name
 * @param fps              frames received per second over the window; 0 when fewer than two frames arrived in it
 *                         or the camera sent nothing for a whole window
 * @param jitterMeanMicros mean absolute deviation of the inter-frame intervals in the window from their mean, in
 *                         microseconds; intervals across a gap are divided by the frames they span, so a drop is
 *                         a gap and not jitter
 * @param jitterMaxMicros  the largest such deviation in the window, in microseconds
 * @param frames           frames received in all
 * @param sequenceGaps     how many times the sequence number skipped
 * @param gapFrames        frames missing in those gaps in all
 */
public record CameraMetrics(String camera, double fps, double jitterMeanMicros, double jitterMaxMicros, long frames,
        long sequenceGaps, long gapFrames) {
}
