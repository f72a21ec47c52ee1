package io.kapture.mqtt.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonObject;

import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.processor.snapshot.SnapshotStatistics;

/**
 * The snapshot bundle's {@link SnapshotStatistics} as the {@code snapshots} object of a camera's stats payload:
 * files and bytes written, the newest file's time, failures, whether the latest failed and why, and the interval
 * (the figures of the {@code kapture_snapshot_*} metrics, with the problem in words; two schedules of one camera
 * added up). SCR activates this component only while a {@code SnapshotStatistics} service is registered, and only
 * then loads this class, so the bridge runs without the snapshot bundle (its package is imported optionally).
 *
 * <p>Thread-safety: stateless apart from the final service reference; safe from any thread.
 */
@Component(service = StatsSection.class)
public final class SnapshotStatsSection implements StatsSection {

    private final SnapshotStatistics snapshots;

    @Activate
    public SnapshotStatsSection(@Reference SnapshotStatistics snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public void addTo(JsonObject stats, String camera) {
        snapshots.schedules().stream().filter(schedule -> schedule.camera().equals(camera))
                .reduce(SnapshotActivity::plus).ifPresent(activity -> {
                    JsonObject json = new JsonObject();
                    json.addProperty("written", activity.written());
                    json.addProperty("bytesWritten", activity.bytesWritten());
                    json.addProperty("lastWritten", activity.lastWrittenMillis());
                    json.addProperty("failures", activity.failures());
                    json.addProperty("failing", activity.failing());
                    json.addProperty("lastError", activity.lastError().orElse(null));
                    json.addProperty("intervalSeconds", activity.intervalMillis() / 1e3);
                    stats.add("snapshots", json);
                });
    }
}
