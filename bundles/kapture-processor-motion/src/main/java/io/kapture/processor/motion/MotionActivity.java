package io.kapture.processor.motion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A snapshot of one motion detector, counted since it started (its configuration was applied or changed, or its
 * bundle started). Periods are those of {@link MotionEvents}: {@link #periods} counts START events,
 * {@link #periodsEnded} END events, and their durations are END's {@link MotionEvents#DURATION_MILLIS}. Frames
 * the detector could not analyse (compressed H.264, MJPEG that does not decode, a buffer shorter than its format
 * says) are counted in {@link #framesSkipped}: a detector that skips every frame sees no motion, and this count is
 * what tells that apart from a still scene.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param camera          the watched camera
 * @param active          true from a period's START until its END
 * @param periods         motion periods begun (START events)
 * @param lastStartMillis wall-clock time of the newest period's first moving frame, ms since the epoch; 0 before
 *                        the first
 * @param periodsEnded    motion periods ended (END events): {@code periods}, less one while {@code active}
 * @param motionMillis    the ended periods' durations added up, ms (first to last moving frame of each)
 * @param endedWithin     per bound of {@link #DURATION_BOUNDS_MILLIS}, in the same order, the ended periods that
 *                        lasted at most that long (cumulative: each count includes the shorter ones)
 * @param framesSkipped   frames the detector received but could not analyse
 * @param lastSkipReason  why the newest of those was refused (the converter's message, naming the format), ""
 *                        before the first
 */
public record MotionActivity(String camera, boolean active, long periods, long lastStartMillis, long periodsEnded,
        long motionMillis, List<Long> endedWithin, long framesSkipped, String lastSkipReason) {

    /** The duration bounds of {@link #endedWithin}, ms: 1 s, 5 s, 15 s, 1 min, 5 min. */
    public static final List<Long> DURATION_BOUNDS_MILLIS = List.of(1_000L, 5_000L, 15_000L, 60_000L, 300_000L);

    /**
     * @throws IllegalArgumentException if {@code endedWithin} does not have one count per duration bound
     */
    public MotionActivity {
        endedWithin = List.copyOf(endedWithin);
        if (endedWithin.size() != DURATION_BOUNDS_MILLIS.size()) {
            throw new IllegalArgumentException("endedWithin needs " + DURATION_BOUNDS_MILLIS.size()
                    + " counts, one per bound of DURATION_BOUNDS_MILLIS, not " + endedWithin.size());
        }
        lastSkipReason = lastSkipReason == null ? "" : lastSkipReason;
    }

    /** A detector that has skipped no frame: the components of package version 1.1.0 before frames skipped. */
    public MotionActivity(String camera, boolean active, long periods, long lastStartMillis, long periodsEnded,
            long motionMillis, List<Long> endedWithin) {
        this(camera, active, periods, lastStartMillis, periodsEnded, motionMillis, endedWithin, 0, "");
    }

    /**
     * The figures of two detectors of one camera together, as one series shows them: active if either is, periods
     * and durations added, the newer start; skipped frames added, with a reason of either (both detectors see the
     * camera's frames, so they refuse the same ones).
     */
    public MotionActivity plus(MotionActivity other) {
        List<Long> within = new ArrayList<>(endedWithin.size());
        for (int i = 0; i < endedWithin.size(); i++) {
            within.add(endedWithin.get(i) + other.endedWithin.get(i));
        }
        return new MotionActivity(camera, active || other.active, periods + other.periods,
                Math.max(lastStartMillis, other.lastStartMillis), periodsEnded + other.periodsEnded,
                motionMillis + other.motionMillis, within, framesSkipped + other.framesSkipped,
                lastSkipReason.isEmpty() ? other.lastSkipReason : lastSkipReason);
    }

    /**
     * One line for a console, for example
     * {@code cam0: motion since 2025-01-01T12:00:01.500Z, 5 periods; 97.5 s of motion in the 4 ended}, and once
     * frames were skipped {@code ; 120 frames not analysed, the last: H264 frames are compressed ...}.
     */
    public String line() {
        String line = String.format(Locale.ROOT, "%s: %s, %d %s; %.1f s of motion in the %d ended", camera,
                active ? "motion since " + Instant.ofEpochMilli(lastStartMillis) : "still", periods,
                periods == 1 ? "period" : "periods", motionMillis / 1e3, periodsEnded);
        if (framesSkipped == 0) {
            return line;
        }
        return line + "; " + framesSkipped + (framesSkipped == 1 ? " frame" : " frames") + " not analysed, the last: "
                + lastSkipReason;
    }
}
