package io.kapture.processor.motion.internal;

import java.util.ArrayList;
import java.util.List;

import io.kapture.processor.motion.MotionActivity;

/**
 * Counts one detector's motion periods as its events are posted: each START, each END with its duration sorted
 * into the bounds of {@link MotionActivity#DURATION_BOUNDS_MILLIS}, whether a period goes on, and the frames the
 * detector could not analyse with the newest reason.
 *
 * <p>Threading contract: the detector's thread (frame delivery, or deactivation) records, any thread takes a
 * {@link #snapshot}; both go through this object's monitor, held only for a few field updates, never while a
 * frame is analysed, so a reader never waits for the detector's work.
 */
final class MotionCounts {

    private static final List<Long> BOUNDS = MotionActivity.DURATION_BOUNDS_MILLIS;

    private final long[] endedWithin = new long[BOUNDS.size()];
    private boolean active;
    private long periods;
    private long lastStartMillis;
    private long periodsEnded;
    private long motionMillis;
    private long framesSkipped;
    private String lastSkipReason = "";

    /** A period began with a frame captured at {@code wallClockMillis}. */
    synchronized void started(long wallClockMillis) {
        active = true;
        periods++;
        lastStartMillis = wallClockMillis;
    }

    /** The period ended, having lasted {@code durationMillis} from its first to its last moving frame. */
    synchronized void ended(long durationMillis) {
        active = false;
        periodsEnded++;
        motionMillis += durationMillis;
        for (int i = 0; i < endedWithin.length; i++) {
            if (durationMillis <= BOUNDS.get(i)) {
                endedWithin[i]++;
            }
        }
    }

    /** A frame could not be analysed, for {@code reason}. */
    synchronized void skipped(String reason) {
        framesSkipped++;
        lastSkipReason = reason;
    }

    synchronized MotionActivity snapshot(String camera) {
        List<Long> within = new ArrayList<>(endedWithin.length);
        for (long count : endedWithin) {
            within.add(count);
        }
        return new MotionActivity(camera, active, periods, lastStartMillis, periodsEnded, motionMillis, within,
                framesSkipped, lastSkipReason);
    }
}
