package io.kapture.jmx.internal;

/**
 * The motion detectors, as {@code io.kapture:type=Motion}: the figures of the {@code kapture_motion_*} metrics,
 * summed over detectors, plus each detector's console line. Read-only; registered while the motion bundle runs.
 */
public interface MotionMXBean {

    /** Detectors in a motion period now. */
    int getDetectorsInMotion();

    /** Motion periods all detectors began since they started. */
    long getPeriods();

    /** Motion periods all detectors ended since they started. */
    long getPeriodsEnded();

    /** The ended periods' durations, added up, in seconds. */
    double getMotionSeconds();

    /** Frames all detectors received but could not analyse; each detector's line says why, for the newest. */
    long getFramesSkipped();

    /**
     * One line per detector: whether there is motion, since when, periods and seconds of motion, and frames not
     * analysed with the newest reason, if any.
     */
    String[] getDetectors();
}
