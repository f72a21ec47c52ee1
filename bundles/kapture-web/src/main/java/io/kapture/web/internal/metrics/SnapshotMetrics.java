package io.kapture.web.internal.metrics;

import static io.kapture.web.internal.metrics.PrometheusText.Type.COUNTER;
import static io.kapture.web.internal.metrics.PrometheusText.Type.GAUGE;

import java.util.LinkedHashMap;
import java.util.Map;

import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.processor.snapshot.SnapshotStatistics;

/**
 * The scheduled snapshots' figures ({@link SnapshotStatistics}) as Prometheus metrics, per camera (label
 * {@code camera}; never a file or folder name, never an error text): files and bytes written, failures, whether
 * the latest attempt failed, when the newest file was taken, and the interval, so that an alert can tell a
 * schedule that stopped writing. Two schedules of one camera (two folders) are summed into one series: failing if
 * either is, the newer file's time, the shorter interval. The service comes as an {@code Object} so that the
 * metrics servlet never names {@code io.kapture.processor.snapshot}, which kapture-web imports optionally; this
 * class is loaded only when there is such a service.
 *
 * <p>Stateless; safe from any thread.
 */
public final class SnapshotMetrics {

    private static final double MILLIS_PER_SECOND = 1e3;

    private SnapshotMetrics() {
    }

    /** @param service a {@link SnapshotStatistics} */
    public static void add(PrometheusText out, Object service) {
        Map<String, SnapshotActivity> cameras = new LinkedHashMap<>();
        for (SnapshotActivity schedule : ((SnapshotStatistics) service).schedules()) {
            cameras.merge(schedule.camera(), schedule, SnapshotActivity::plus);
        }
        cameras.values().forEach(camera -> write(out, camera));
    }

    private static void write(PrometheusText out, SnapshotActivity snapshots) {
        String camera = snapshots.camera();
        out.family("kapture_snapshot_files_written_total", COUNTER, "Snapshot image files written since the"
                + " schedule started.").sample(snapshots.written(), "camera", camera);
        out.family("kapture_snapshot_written_bytes_total", COUNTER, "Bytes of the snapshot files written.")
                .sample(snapshots.bytesWritten(), "camera", camera);
        out.family("kapture_snapshot_failures_total", COUNTER, "Snapshots that could not be encoded or written"
                + " (disk full, folder not writable or outside the storage directory).")
                .sample(snapshots.failures(), "camera", camera);
        out.family("kapture_snapshot_failing", GAUGE, "1 while the camera's latest snapshot failed; 0 again once"
                + " one is written. The log names the problem.").sample(snapshots.failing() ? 1 : 0, "camera",
                        camera);
        out.family("kapture_snapshot_last_written_timestamp_seconds", GAUGE, "Capture time of the newest snapshot"
                + " written (the time in its name), seconds since the epoch; 0 before the first.")
                .sample(snapshots.lastWrittenMillis() / MILLIS_PER_SECOND, "camera", camera);
        out.family("kapture_snapshot_interval_seconds", GAUGE, "The configured time between two snapshots.")
                .sample(snapshots.intervalMillis() / MILLIS_PER_SECOND, "camera", camera);
    }
}
