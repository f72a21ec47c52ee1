package io.kapture.web.internal.metrics;

import static io.kapture.web.internal.metrics.PrometheusText.Type.COUNTER;
import static io.kapture.web.internal.metrics.PrometheusText.Type.GAUGE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.Recordings;
import io.kapture.processor.recorder.RetentionStatus;

/**
 * The recorder's figures ({@link Recordings}) as Prometheus metrics: per recorder (labels {@code camera} and
 * {@code kind}, {@code continuous} or {@code event}; never a file name) its state, whether it is failing, files
 * finished, bytes written, frames skipped, the file being written and, for event recorders, clips and pre-roll; then what storage
 * retention did and keeps, and the storage disk's space. Two recorders of the same camera and kind are summed into one series (their state
 * gauges count recorders), so that no series is repeated. The service comes as an {@code Object} so that the
 * metrics servlet never names {@code io.kapture.processor.recorder}, which kapture-web imports optionally; this
 * class is loaded only when there is such a service.
 *
 * <p>Stateless; safe from any thread.
 */
public final class RecorderMetrics {

    private static final double MILLIS_PER_SECOND = 1e3;

    private RecorderMetrics() {
    }

    /** @param service a {@link Recordings} */
    public static void add(PrometheusText out, Object service) {
        Recordings recordings = (Recordings) service;
        Map<List<String>, RecorderSeries> series = new LinkedHashMap<>();
        for (RecordingProgress progress : recordings.recordings()) {
            String kind = progress.events().isPresent() ? "event" : "continuous";
            series.computeIfAbsent(List.of(progress.camera(), kind), key -> new RecorderSeries()).add(progress);
        }
        series.forEach((key, recorder) -> recorder.write(out, "camera", key.get(0), "kind", key.get(1)));
        retention(out, recordings.retention());
        recordings.storageSpace().ifPresent(space -> {
            out.family("kapture_storage_disk_size_bytes", GAUGE, "Size of the file system holding the storage"
                    + " directory.").sample(space.totalBytes());
            out.family("kapture_storage_disk_used_bytes", GAUGE, "Bytes in use on that file system (as df counts"
                    + " them; what max.disk.percent limits).").sample(space.usedBytes());
            out.family("kapture_storage_disk_available_bytes", GAUGE, "Bytes still available to Kapture on that"
                    + " file system (df's available).").sample(space.availableBytes());
        });
    }

    private static void retention(PrometheusText out, RetentionStatus retention) {
        out.family("kapture_storage_retention_passes_total", COUNTER, "Storage retention passes run.")
                .sample(retention.passes());
        out.family("kapture_storage_retention_deleted_files_total", COUNTER, "Recordings and snapshots storage"
                + " retention deleted, by the limit that made it delete (max.age.days, max.size.mb,"
                + " max.disk.percent).")
                .sample(retention.deletedByAge(), "reason", "age")
                .sample(retention.deletedBySize(), "reason", "size")
                .sample(retention.deletedByDisk(), "reason", "disk");
        out.family("kapture_storage_retention_deleted_bytes_total", COUNTER, "Bytes of the files storage retention"
                + " deleted.").sample(retention.bytesDeleted());
        out.family("kapture_storage_files", GAUGE, "Recordings and snapshots in the storage directory after the"
                + " last retention pass.").sample(retention.filesKept());
        out.family("kapture_storage_bytes", GAUGE, "Bytes of the recordings and snapshots in the storage directory"
                + " after the last retention pass.").sample(retention.bytesKept());
        out.family("kapture_storage_retention_last_pass_timestamp_seconds", GAUGE, "When the last retention pass"
                + " ended, seconds since the epoch; 0 before the first.")
                .sample(retention.lastPassMillis() / MILLIS_PER_SECOND);
        out.family("kapture_storage_retention_error", GAUGE, "1 while the last retention pass met a problem (a"
                + " file it could not delete, a folder it could not read) or a refused configuration is in force;"
                + " 0 again after a pass without problems and a valid configuration. See kapture:recordings for the"
                + " message.").sample(retention.lastError().isPresent() ? 1 : 0);
        out.family("kapture_storage_retention_info", GAUGE, "The limits storage retention enforces, in words;"
                + " always 1.").sample(1, "limits", retention.limits());
    }
}
