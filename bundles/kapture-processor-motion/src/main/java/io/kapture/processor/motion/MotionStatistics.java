package io.kapture.processor.motion;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What every configured motion detector has seen since it started: motion periods begun and ended, how long the
 * ended ones lasted, and whether motion goes on now. Registered once by the motion bundle, whether or not any
 * detector is configured; metrics, JMX and consoles read it instead of counting {@link MotionEvents} themselves,
 * so the figures are right from the detector's start and "motion now" is known even to a reader that started
 * during a motion period.
 *
 * <p>Thread-safety: may be called from any thread while frames are analysed; each {@link MotionActivity} is a
 * consistent snapshot of one detector.
 *
 * @since 1.1
 */
@ProviderType
public interface MotionStatistics {

    /** One snapshot per configured detector, ordered by camera name. */
    List<MotionActivity> detectors();
}
