package io.kapture.processor.recorder;

import java.util.Locale;
import java.util.Optional;

/**
 * A snapshot of one recorder: the file being written and the frames, bytes and capture time in it so far, plus
 * totals since the recorder started.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param camera          the recorded camera
 * @param file            the file being written, absolute; empty between files (before the first frame, or
 *                        after a write error until the next attempt)
 * @param frames          frames in the current file
 * @param bytes           size of the current file, including the index that closing it adds
 * @param durationMillis  capture time from the current file's first frame to its last
 * @param filesCompleted  files finished (rotated or closed) since the recorder started
 * @param framesSkipped   frames not recorded since the recorder started: flagged corrupted by the driver, not
 *                        encodable, or lost to a write error
 * @param lastError       the write or encoding problem that keeps the recorder from writing now; empty again once
 *                        it writes a frame (or, for a missing encoder, encodes one) after it; a file that could
 *                        not be finished at a rotation, while the next is written, stays for 10 s of capture time
 * @param events          for an event recorder (mode {@code event}), its clip and pre-roll ring; empty for a
 *                        continuous one
 * @param bytesWritten    bytes of the video files written since the recorder started: the files finished (a file
 *                        left without frames is deleted and not counted) and the current one (since 1.2)
 * @param filesUnfinished files whose finishing failed since the recorder started (their index or last fragment
 *                        may be missing: a full disk, a file gone); each is in {@code filesCompleted} too if it
 *                        holds frames. {@code lastError} says so only for a while; this count stays (since 1.2)
 */
public record RecordingProgress(String camera, Optional<String> file, long frames, long bytes, long durationMillis,
        long filesCompleted, long framesSkipped, Optional<String> lastError, Optional<EventStatus> events,
        long bytesWritten, long filesUnfinished) {

    /** A continuous recorder's progress (as in version 1.0 of this package); bytes written: the current file's. */
    public RecordingProgress(String camera, Optional<String> file, long frames, long bytes, long durationMillis,
            long filesCompleted, long framesSkipped, Optional<String> lastError) {
        this(camera, file, frames, bytes, durationMillis, filesCompleted, framesSkipped, lastError, Optional.empty());
    }

    /** A recorder's progress as in version 1.1 of this package; bytes written: the current file's. */
    public RecordingProgress(String camera, Optional<String> file, long frames, long bytes, long durationMillis,
            long filesCompleted, long framesSkipped, Optional<String> lastError, Optional<EventStatus> events) {
        this(camera, file, frames, bytes, durationMillis, filesCompleted, framesSkipped, lastError, events, bytes);
    }

    /** A recorder's progress without files left unfinished. */
    public RecordingProgress(String camera, Optional<String> file, long frames, long bytes, long durationMillis,
            long filesCompleted, long framesSkipped, Optional<String> lastError, Optional<EventStatus> events,
            long bytesWritten) {
        this(camera, file, frames, bytes, durationMillis, filesCompleted, framesSkipped, lastError, events,
                bytesWritten, 0);
    }

    /**
     * One line for a console, for example
     * {@code cam0: /data/kapture/recordings/cam0-20250101-120000-000.avi, 1234 frames, 12.3 MB, 41.1 s (2 files done)}.
     */
    public String line() {
        StringBuilder line = new StringBuilder(camera).append(": ");
        if (file.isEmpty() && events.isPresent()) {
            line.append(events.get().line());
        } else if (file.isPresent()) {
            line.append(file.get()).append(String.format(Locale.ROOT, ", %d frames, %.1f MB, %.1f s", frames,
                    bytes / 1_000_000.0, durationMillis / 1000.0));
        } else {
            line.append("waiting for frames");
        }
        line.append(" (").append(filesCompleted).append(filesCompleted == 1 ? " file" : " files").append(" done");
        if (framesSkipped > 0) {
            line.append(", ").append(framesSkipped).append(" frames skipped");
        }
        if (filesUnfinished > 0) {
            line.append(", ").append(filesUnfinished).append(filesUnfinished == 1 ? " file" : " files")
                    .append(" not finished");
        }
        line.append(')');
        if (file.isPresent()) {
            events.ifPresent(status -> line.append("; ").append(status.line()));
        }
        lastError.ifPresent(error -> line.append("; last error: ").append(error));
        return line.toString();
    }
}
