package io.kapture.web.internal.metrics;

import static io.kapture.web.internal.metrics.PrometheusText.Type.COUNTER;
import static io.kapture.web.internal.metrics.PrometheusText.Type.GAUGE;
import static io.kapture.web.internal.metrics.PrometheusText.Type.HISTOGRAM;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionStatistics;

/**
 * The motion detectors' figures ({@link MotionStatistics}) as Prometheus metrics, per camera (label
 * {@code camera}): whether motion goes on, periods begun, when the newest began, how long the ended ones
 * lasted, as a histogram over {@link MotionActivity#DURATION_BOUNDS_MILLIS}, and the frames the detector could
 * not analyse (their reason stays out of the labels: it is free text; JMX, MQTT and the console show it). Two
 * detectors of one camera are summed into one series (active if either is; the newer start). The service comes
 * as an {@code Object} so that the metrics servlet never names {@code io.kapture.processor.motion}, which
 * kapture-web imports optionally; this class is loaded only when there is such a service.
 *
 * <p>Stateless; safe from any thread.
 */
public final class MotionMetrics {

    private static final double MILLIS_PER_SECOND = 1e3;

    private MotionMetrics() {
    }

    /** @param service a {@link MotionStatistics} */
    public static void add(PrometheusText out, Object service) {
        Map<String, MotionActivity> cameras = new LinkedHashMap<>();
        for (MotionActivity detector : ((MotionStatistics) service).detectors()) {
            cameras.merge(detector.camera(), detector, MotionActivity::plus);
        }
        cameras.values().forEach(camera -> write(out, camera));
    }

    private static void write(PrometheusText out, MotionActivity motion) {
        String camera = motion.camera();
        out.family("kapture_motion_active", GAUGE, "1 from a motion period's START until its END, else 0.")
                .sample(motion.active() ? 1 : 0, "camera", camera);
        out.family("kapture_motion_periods_total", COUNTER, "Motion periods begun (io/kapture/motion/START events)"
                + " since the detector started.").sample(motion.periods(), "camera", camera);
        out.family("kapture_motion_last_start_timestamp_seconds", GAUGE, "When the newest motion period began"
                + " (its first moving frame), seconds since the epoch; 0 before the first.")
                .sample(motion.lastStartMillis() / MILLIS_PER_SECOND, "camera", camera);
        out.family("kapture_motion_frames_skipped_total", COUNTER, "Frames the detector received but did not"
                + " analyse (H.264, undecodable MJPEG, a buffer shorter than its format, flagged corrupted by the"
                + " driver), since it started.")
                .sample(motion.framesSkipped(), "camera", camera);
        PrometheusText.Family duration = out.family("kapture_motion_period_duration_seconds", HISTOGRAM, "How long"
                + " the ended motion periods lasted, first to last moving frame (END's duration.ms).");
        List<Long> bounds = MotionActivity.DURATION_BOUNDS_MILLIS;
        for (int i = 0; i < bounds.size(); i++) {
            duration.sample("_bucket", motion.endedWithin().get(i), "camera", camera, "le",
                    PrometheusText.number(bounds.get(i) / MILLIS_PER_SECOND));
        }
        duration.sample("_bucket", motion.periodsEnded(), "camera", camera, "le", "+Inf")
                .sample("_sum", motion.motionMillis() / MILLIS_PER_SECOND, "camera", camera)
                .sample("_count", motion.periodsEnded(), "camera", camera);
    }
}
