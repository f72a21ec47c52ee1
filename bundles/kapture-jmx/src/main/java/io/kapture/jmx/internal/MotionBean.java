package io.kapture.jmx.internal;

import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionStatistics;

/**
 * {@link MotionMXBean} over the motion bundle's {@link MotionStatistics}, read at every call.
 *
 * <p>Thread-safe: JMX calls it on RMI threads at once; the service is thread-safe.
 */
final class MotionBean implements MotionMXBean {

    private final MotionStatistics motion;

    private MotionBean(MotionStatistics motion) {
        this.motion = motion;
    }

    /** @param service a {@link MotionStatistics}, as {@link ActivityBeans} gets it without naming the type */
    static MotionMXBean over(Object service) {
        return new MotionBean((MotionStatistics) service);
    }

    @Override
    public int getDetectorsInMotion() {
        return (int) motion.detectors().stream().filter(MotionActivity::active).count();
    }

    @Override
    public long getPeriods() {
        return motion.detectors().stream().mapToLong(MotionActivity::periods).sum();
    }

    @Override
    public long getPeriodsEnded() {
        return motion.detectors().stream().mapToLong(MotionActivity::periodsEnded).sum();
    }

    @Override
    public double getMotionSeconds() {
        return motion.detectors().stream().mapToLong(MotionActivity::motionMillis).sum() / 1e3;
    }

    @Override
    public long getFramesSkipped() {
        return motion.detectors().stream().mapToLong(MotionActivity::framesSkipped).sum();
    }

    @Override
    public String[] getDetectors() {
        return motion.detectors().stream().map(MotionActivity::line).toArray(String[]::new);
    }
}
