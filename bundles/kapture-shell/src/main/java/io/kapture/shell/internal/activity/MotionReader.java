package io.kapture.shell.internal.activity;

import java.util.List;

import org.osgi.framework.BundleContext;

import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionStatistics;

/**
 * The {@link MotionStatistics} lines. Only {@link ActivityLines} calls it, after checking that the optional
 * package is there.
 *
 * <p>Threading contract: stateless.
 */
final class MotionReader {

    private MotionReader() {
    }

    static List<String> lines(BundleContext context, String camera) {
        return ServiceReading.collect(context, MotionStatistics.class, MotionStatistics::detectors).stream()
                .filter(detector -> camera == null || detector.camera().equals(camera)).map(MotionActivity::line)
                .toList();
    }
}
