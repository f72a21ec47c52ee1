package io.kapture.web.internal;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentServiceObjects;

import io.kapture.processor.recorder.Recordings;

/** The recorders' and storage retention's families on /kapture/metrics, from a fake {@link Recordings}. */
class RecorderMetricsTest {

    private final MetricsServlet servlet = new MetricsServlet();
    private final ComponentServiceObjects<Recordings> recorder =
            FakeRecordings.asServiceObjects(new FakeRecordings());

    RecorderMetricsTest() {
        servlet.addRecorder(recorder);
    }

    @Test
    void exposesEachRecordersStateAndFailingPerCameraAndKind() {
        MetricsPage page = new MetricsPage(servlet);
        page.shows("# TYPE kapture_recorder_state gauge\n"
                + "kapture_recorder_state{camera=\"cam0\",kind=\"continuous\",state=\"writing\"} 1\n"
                + "kapture_recorder_state{camera=\"cam0\",kind=\"continuous\",state=\"idle\"} 0\n"
                + "kapture_recorder_state{camera=\"cam0\",kind=\"continuous\",state=\"failing\"} 0\n");
        page.shows("kapture_recorder_state{camera=\"cam0\",kind=\"event\",state=\"failing\"} 1\n");
        page.shows("kapture_recorder_failing{camera=\"cam0\",kind=\"continuous\"} 0\n");
        page.shows("kapture_recorder_failing{camera=\"cam0\",kind=\"event\"} 1\n");
        page.shows("kapture_recorder_failing{camera=\"cam1\",kind=\"continuous\"} 1\n");
    }

    @Test
    void sumsTwoRecordersOfOneCameraAndKindIntoOneSeries() {
        MetricsPage page = new MetricsPage(servlet);
        page.shows("kapture_recorder_state{camera=\"cam1\",kind=\"continuous\",state=\"writing\"} 1\n"
                + "kapture_recorder_state{camera=\"cam1\",kind=\"continuous\",state=\"idle\"} 0\n"
                + "kapture_recorder_state{camera=\"cam1\",kind=\"continuous\",state=\"failing\"} 1\n");
        page.shows("kapture_recorder_files_finished_total{camera=\"cam1\",kind=\"continuous\"} 5\n");
        page.shows("kapture_recorder_written_bytes_total{camera=\"cam1\",kind=\"continuous\"} 50000000\n");
        // a recorder of version 1.0's figures: its current file's bytes
        page.shows("kapture_recorder_written_bytes_total{camera=\"cam0\",kind=\"continuous\"} 12300000\n");
        page.shows("kapture_recorder_frames_skipped_total{camera=\"cam1\",kind=\"continuous\"} 77\n");
        page.shows("kapture_recorder_files_unfinished_total{camera=\"cam1\",kind=\"continuous\"} 2\n");
        page.shows("kapture_recorder_files_unfinished_total{camera=\"cam0\",kind=\"continuous\"} 0\n");
    }

    @Test
    void exposesTheFileBeingWrittenAndEventClipsButNoFilePath() {
        MetricsPage page = new MetricsPage(servlet);
        page.shows("kapture_recorder_file_bytes{camera=\"cam0\",kind=\"continuous\"} 12300000\n");
        page.shows("kapture_recorder_file_frames{camera=\"cam0\",kind=\"continuous\"} 1234\n");
        page.shows("kapture_recorder_file_duration_seconds{camera=\"cam0\",kind=\"continuous\"} 41.1\n");
        page.shows("kapture_recorder_file_bytes{camera=\"cam0\",kind=\"event\"} 0\n");
        page.shows("kapture_recorder_event_clips_total{camera=\"cam0\",kind=\"event\"} 3\n");
        page.shows("kapture_recorder_preroll_dropped_frames_total{camera=\"cam0\",kind=\"event\"} 12\n");
        page.lacks("kapture_recorder_event_clips_total{camera=\"cam1\"", "no event recorder");
        page.lacks("/data/", "no file paths or error texts in labels");
    }

    @Test
    void exposesWhatRetentionDeletedAndKeeps() {
        MetricsPage page = new MetricsPage(servlet);
        page.shows("kapture_storage_retention_passes_total 12\n");
        page.shows("kapture_storage_retention_deleted_files_total{reason=\"age\"} 1\n"
                + "kapture_storage_retention_deleted_files_total{reason=\"size\"} 6\n"
                + "kapture_storage_retention_deleted_files_total{reason=\"disk\"} 0\n");
        page.shows("kapture_storage_retention_deleted_bytes_total 70000000\n");
        page.shows("kapture_storage_files 40\n");
        page.shows("kapture_storage_bytes 1900000000\n");
        page.shows("kapture_storage_retention_last_pass_timestamp_seconds 1.7333712005E9\n");
        page.shows("kapture_storage_retention_error 0\n");
        page.shows("kapture_storage_retention_info{limits=\"size 2000 MB, age 14 days\"} 1\n");
    }

    @Test
    void exposesTheStorageDisksSpace() {
        MetricsPage page = new MetricsPage(servlet);
        page.shows("kapture_storage_disk_size_bytes 100000000000\n");
        page.shows("kapture_storage_disk_used_bytes 60000000000\n");
        page.shows("kapture_storage_disk_available_bytes 35000000000\n");
    }

    @Test
    void leavesTheFamiliesOutOnceTheRecorderIsUnbound() {
        servlet.removeRecorder(recorder);
        MetricsPage page = new MetricsPage(servlet);
        page.lacks("kapture_recorder_", "the recorder is unbound");
        page.lacks("kapture_storage_", "the recorder is unbound");
        page.shows("\njvm_memory_bytes_used{area=\"heap\"} "); // the rest is still served
    }
}
