package io.kapture.web.internal;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionStatistics;
import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.processor.snapshot.SnapshotStatistics;

/**
 * The motion detectors' and scheduled snapshots' families on /kapture/metrics, from fixed statistics: per camera,
 * two detectors or schedules of one camera summed into one series, durations as a histogram, no folder or error
 * text in a label; and nothing of either while their bundles are absent.
 */
class ActivityMetricsTest {

    /**
     * Two detectors on cam0 (one in motion now), one on cam1 that never saw motion and could not analyse 12 frames.
     */
    static final MotionStatistics MOTION = () -> List.of(
            new MotionActivity("cam0", false, 3, 1_733_371_200_000L, 3, 7_500, List.of(1L, 2L, 3L, 3L, 3L)),
            new MotionActivity("cam0", true, 2, 1_733_371_260_500L, 1, 90_000, List.of(0L, 0L, 0L, 0L, 1L)),
            new MotionActivity("cam1", false, 0, 0, 0, 0, List.of(0L, 0L, 0L, 0L, 0L), 12,
                    "H264 frames are compressed and cannot be converted pixel by pixel"));

    /** Two schedules of cam0 (one failing, in another folder), one of cam1. */
    static final SnapshotStatistics SNAPSHOTS = () -> List.of(
            new SnapshotActivity("cam0", "snapshots", 60_000, 10, 500_000, 1_733_371_200_000L, 0, Optional.empty()),
            new SnapshotActivity("cam0", "/data/stills", 5_000, 4, 200_000, 1_733_371_230_250L, 7,
                    Optional.of("IOException: No space left on device")),
            new SnapshotActivity("cam1", "snapshots", 1_000, 2, 90_000, 1_733_371_100_000L, 0, Optional.empty()));

    private final MetricsServlet servlet = new MetricsServlet();

    @Test
    void exposesMotionPerCameraWithItsDurationsAsAHistogram() {
        servlet.addMotion(FixedServiceObjects.of(MOTION));

        MetricsPage page = new MetricsPage(servlet);
        page.shows("# TYPE kapture_motion_active gauge\n"
                + "kapture_motion_active{camera=\"cam0\"} 1\n"
                + "kapture_motion_active{camera=\"cam1\"} 0\n");
        page.shows("# TYPE kapture_motion_periods_total counter\n"
                + "kapture_motion_periods_total{camera=\"cam0\"} 5\n"
                + "kapture_motion_periods_total{camera=\"cam1\"} 0\n");
        page.shows("kapture_motion_last_start_timestamp_seconds{camera=\"cam0\"} 1.7333712605E9\n");
        page.shows("# TYPE kapture_motion_frames_skipped_total counter\n"
                + "kapture_motion_frames_skipped_total{camera=\"cam0\"} 0\n"
                + "kapture_motion_frames_skipped_total{camera=\"cam1\"} 12\n");
        page.lacks("H264", "no skip reason in a label");
        page.shows("# TYPE kapture_motion_period_duration_seconds histogram\n"
                + "kapture_motion_period_duration_seconds_bucket{camera=\"cam0\",le=\"1\"} 1\n"
                + "kapture_motion_period_duration_seconds_bucket{camera=\"cam0\",le=\"5\"} 2\n"
                + "kapture_motion_period_duration_seconds_bucket{camera=\"cam0\",le=\"15\"} 3\n"
                + "kapture_motion_period_duration_seconds_bucket{camera=\"cam0\",le=\"60\"} 3\n"
                + "kapture_motion_period_duration_seconds_bucket{camera=\"cam0\",le=\"300\"} 4\n"
                + "kapture_motion_period_duration_seconds_bucket{camera=\"cam0\",le=\"+Inf\"} 4\n"
                + "kapture_motion_period_duration_seconds_sum{camera=\"cam0\"} 97.5\n"
                + "kapture_motion_period_duration_seconds_count{camera=\"cam0\"} 4\n"
                + "kapture_motion_period_duration_seconds_bucket{camera=\"cam1\",le=\"1\"} 0\n");
        page.lacks("kapture_snapshot_", "no snapshot bundle, no snapshot families");
    }

    @Test
    void exposesSnapshotsPerCameraWithoutFoldersOrErrors() {
        servlet.addSnapshots(FixedServiceObjects.of(SNAPSHOTS));

        MetricsPage page = new MetricsPage(servlet);
        page.shows("# TYPE kapture_snapshot_files_written_total counter\n"
                + "kapture_snapshot_files_written_total{camera=\"cam0\"} 14\n"
                + "kapture_snapshot_files_written_total{camera=\"cam1\"} 2\n");
        page.shows("kapture_snapshot_written_bytes_total{camera=\"cam0\"} 700000\n");
        page.shows("kapture_snapshot_failures_total{camera=\"cam0\"} 7\n");
        page.shows("# TYPE kapture_snapshot_failing gauge\n"
                + "kapture_snapshot_failing{camera=\"cam0\"} 1\n"
                + "kapture_snapshot_failing{camera=\"cam1\"} 0\n");
        page.shows("kapture_snapshot_last_written_timestamp_seconds{camera=\"cam0\"} 1.73337123025E9\n");
        page.shows("kapture_snapshot_interval_seconds{camera=\"cam0\"} 5\n");
        page.shows("kapture_snapshot_interval_seconds{camera=\"cam1\"} 1\n");
        page.lacks("/data/stills", "no folder in a label");
        page.lacks("No space", "no error text in a label");
        page.lacks("kapture_motion_", "no motion bundle, no motion families");
    }
}
