package io.kapture.processor.motion.internal;

/**
 * Turns per-frame measurements into motion periods. A frame moves when at least the minimum share of the region
 * changed. The first moving frame starts a period; the period ends on the first frame that comes
 * {@code quietNanos} of capture time after the last moving frame. While a period lasts, the tracker keeps the
 * union of the moving frames' bounding boxes and the highest score, which the END event reports.
 *
 * <p>Timing uses the frames' capture timestamps, so the result does not depend on how late frames are delivered.
 *
 * <p>Threading contract: not thread-safe; the caller serialises all calls.
 */
final class MotionTracker {

    /** What a frame changed about the motion state. */
    enum Change {
        NONE, STARTED, ENDED
    }

    private final double minAreaFraction;
    private final long quietNanos;

    private boolean moving;
    private long startNanos;
    private long lastMotionNanos;
    private int left;
    private int top;
    private int right;
    private int bottom;
    private double peakScore;

    MotionTracker(double minAreaFraction, long quietNanos) {
        this.minAreaFraction = minAreaFraction;
        this.quietNanos = quietNanos;
    }

    /** Feeds one analysed frame captured at {@code timestampNanos}. */
    Change update(Measurement measurement, long timestampNanos) {
        boolean frameMoves = measurement.changedCells > 0 && measurement.score() >= minAreaFraction;
        if (frameMoves) {
            lastMotionNanos = timestampNanos;
            if (!moving) {
                moving = true;
                startNanos = timestampNanos;
                left = measurement.x;
                top = measurement.y;
                right = measurement.x + measurement.width;
                bottom = measurement.y + measurement.height;
                peakScore = measurement.score();
                return Change.STARTED;
            }
            left = Math.min(left, measurement.x);
            top = Math.min(top, measurement.y);
            right = Math.max(right, measurement.x + measurement.width);
            bottom = Math.max(bottom, measurement.y + measurement.height);
            peakScore = Math.max(peakScore, measurement.score());
            return Change.NONE;
        }
        if (moving && timestampNanos - lastMotionNanos >= quietNanos) {
            moving = false;
            return Change.ENDED;
        }
        return Change.NONE;
    }

    /** Ends a period in progress without a frame (the detector is stopping); false if none was in progress. */
    boolean forceEnd() {
        boolean was = moving;
        moving = false;
        return was;
    }

    boolean isMoving() {
        return moving;
    }

    /** The period's union box: left edge in pixels. */
    int left() {
        return left;
    }

    int top() {
        return top;
    }

    int width() {
        return right - left;
    }

    int height() {
        return bottom - top;
    }

    double peakScore() {
        return peakScore;
    }

    /** Capture time from the first to the last moving frame of the period. */
    long durationNanos() {
        return lastMotionNanos - startNanos;
    }
}
