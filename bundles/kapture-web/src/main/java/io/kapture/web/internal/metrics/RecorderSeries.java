package io.kapture.web.internal.metrics;

import static io.kapture.web.internal.metrics.PrometheusText.Type.COUNTER;
import static io.kapture.web.internal.metrics.PrometheusText.Type.GAUGE;

import java.util.Arrays;
import java.util.List;

import io.kapture.processor.recorder.EventStatus;
import io.kapture.processor.recorder.RecordingProgress;

/**
 * The figures of the recorders of one camera and kind, summed, and written as one series per family. A recorder
 * is {@code writing} while it has a file open, {@code failing} while it has none and its last write or encoding
 * failed (paused after a write error, no encoder yet; an event recorder whose last clip failed stays so until its
 * next clip is written: the recorder clears its error once it writes a frame again), else {@code idle} (waiting for
 * frames or for a trigger).
 *
 * <p>Threading contract: one instance per scrape, used by one thread.
 */
final class RecorderSeries {

    private static final double MILLIS_PER_SECOND = 1e3;
    private static final List<String> STATES = List.of("writing", "idle", "failing");

    private int writing;
    private int idle;
    private int failing;
    private long filesCompleted;
    private long filesUnfinished;
    private long framesSkipped;
    private long bytesWritten;
    private long fileBytes;
    private long fileFrames;
    private long fileMillis;
    private boolean event;
    private long clips;
    private long ringBytes;
    private long ringMaxBytes;
    private long ringDropped;

    void add(RecordingProgress progress) {
        if (progress.file().isPresent()) {
            writing++;
        } else if (progress.lastError().isPresent()) {
            failing++;
        } else {
            idle++;
        }
        filesCompleted += progress.filesCompleted();
        filesUnfinished += progress.filesUnfinished();
        framesSkipped += progress.framesSkipped();
        bytesWritten += progress.bytesWritten();
        if (progress.file().isPresent()) {
            fileBytes += progress.bytes();
            fileFrames += progress.frames();
            fileMillis = Math.max(fileMillis, progress.durationMillis());
        }
        if (progress.events().isPresent()) {
            EventStatus status = progress.events().get();
            event = true;
            clips += status.clips();
            ringBytes += status.ringBytes();
            ringMaxBytes += status.ringMaxBytes();
            ringDropped += status.ringDropped();
        }
    }

    void write(PrometheusText out, String... labels) {
        PrometheusText.Family state = out.family("kapture_recorder_state", GAUGE, "Recorders of the camera in each"
                + " state: writing (a file open), idle (waiting for frames or a trigger), failing (the last write"
                + " or encoding failed and no file is open).");
        int[] counts = {writing, idle, failing};
        for (int i = 0; i < counts.length; i++) {
            state.sample(counts[i], with(labels, "state", STATES.get(i)));
        }
        out.family("kapture_recorder_failing", GAUGE, "1 while a recorder of the camera is failing: its last write"
                + " or encoding failed (disk error, missing encoder) and it writes no file; 0 again once it writes.")
                .sample(failing > 0 ? 1 : 0, labels);
        out.family("kapture_recorder_files_finished_total", COUNTER, "Video files the camera's recorders finished"
                + " (rotated or closed).").sample(filesCompleted, labels);
        out.family("kapture_recorder_files_unfinished_total", COUNTER, "Video files whose finishing failed (a full"
                + " disk, a file gone): they may lack their index or last fragment.").sample(filesUnfinished, labels);
        out.family("kapture_recorder_written_bytes_total", COUNTER, "Bytes of the video files the camera's recorders"
                + " wrote: the files finished and the one being written.").sample(bytesWritten, labels);
        out.family("kapture_recorder_frames_skipped_total", COUNTER, "Frames not recorded: flagged corrupted, not"
                + " encodable, or lost to a write error or its pause.").sample(framesSkipped, labels);
        out.family("kapture_recorder_file_bytes", GAUGE, "Size of the file being written (0 while none is).")
                .sample(fileBytes, labels);
        out.family("kapture_recorder_file_frames", GAUGE, "Frames in the file being written (0 while none is).")
                .sample(fileFrames, labels);
        out.family("kapture_recorder_file_duration_seconds", GAUGE, "Capture time in the file being written, first"
                + " frame to last (0 while none is).").sample(fileMillis / MILLIS_PER_SECOND, labels);
        if (event) {
            out.family("kapture_recorder_event_clips_total", COUNTER, "Event clips begun (by motion or an external"
                    + " trigger).").sample(clips, labels);
            out.family("kapture_recorder_preroll_bytes", GAUGE, "Bytes of encoded frames in the pre-roll ring.")
                    .sample(ringBytes, labels);
            out.family("kapture_recorder_preroll_max_bytes", GAUGE, "The pre-roll ring's bound (preroll.max.mb).")
                    .sample(ringMaxBytes, labels);
            out.family("kapture_recorder_preroll_dropped_frames_total", COUNTER, "Frames the pre-roll ring pushed"
                    + " out for want of memory, each shortening the pre-roll: raise preroll.max.mb if this grows.")
                    .sample(ringDropped, labels);
        }
    }

    private static String[] with(String[] labels, String name, String value) {
        String[] all = Arrays.copyOf(labels, labels.length + 2);
        all[labels.length] = name;
        all[labels.length + 1] = value;
        return all;
    }
}
