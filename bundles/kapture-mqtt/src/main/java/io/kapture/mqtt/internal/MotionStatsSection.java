package io.kapture.mqtt.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonObject;

import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionStatistics;

/**
 * The motion bundle's {@link MotionStatistics} as the {@code motion} object of a camera's stats payload: whether
 * there is motion now, periods begun and ended, seconds of motion in the ended ones, when the newest began,
 * frames the detector could not analyse and, once there are some, why the newest was refused (the
 * figures of the {@code kapture_motion_*} metrics; two detectors of one camera added up). SCR activates this
 * component only while a {@code MotionStatistics} service is registered, and only then loads this class, so the
 * bridge runs without the motion bundle (its package is imported with {@code resolution:=optional}).
 *
 * <p>Thread-safety: stateless apart from the final service reference; safe from any thread.
 */
@Component(service = StatsSection.class)
public final class MotionStatsSection implements StatsSection {

    private final MotionStatistics motion;

    @Activate
    public MotionStatsSection(@Reference MotionStatistics motion) {
        this.motion = motion;
    }

    @Override
    public void addTo(JsonObject stats, String camera) {
        motion.detectors().stream().filter(detector -> detector.camera().equals(camera))
                .reduce(MotionActivity::plus).ifPresent(activity -> {
                    JsonObject json = new JsonObject();
                    json.addProperty("active", activity.active());
                    json.addProperty("periods", activity.periods());
                    json.addProperty("periodsEnded", activity.periodsEnded());
                    json.addProperty("motionSeconds", activity.motionMillis() / 1e3);
                    json.addProperty("lastStart", activity.lastStartMillis());
                    json.addProperty("framesSkipped", activity.framesSkipped());
                    if (!activity.lastSkipReason().isEmpty()) {
                        json.addProperty("lastSkipReason", activity.lastSkipReason());
                    }
                    stats.add("motion", json);
                });
    }
}
