package io.kapture.processor.snapshot;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A snapshot of one snapshot schedule, counted since it started (its configuration was applied or changed, or its
 * bundle started).
 *
 * <p>Immutable; safe from any thread.
 *
 * @param camera            the camera
 * @param folder            the folder as configured, relative to the storage directory
 * @param intervalMillis    the configured time between two snapshots
 * @param written           image files written
 * @param bytesWritten      their bytes (as written; retention may have deleted some since)
 * @param lastWrittenMillis capture time of the newest file written (the time in its name), ms since the epoch; 0
 *                          before the first
 * @param failures          snapshots that could not be taken or written (encoding failed, disk full, folder not
 *                          writable or outside the storage directory)
 * @param lastError         the problem that kept the latest snapshot from being written; empty again once one is
 */
public record SnapshotActivity(String camera, String folder, long intervalMillis, long written, long bytesWritten,
        long lastWrittenMillis, long failures, Optional<String> lastError) {

    /** True while the latest attempt failed: no snapshot is written until the problem goes. */
    public boolean failing() {
        return lastError.isPresent();
    }

    /**
     * The figures of two schedules of one camera together, as one series shows them: both folders, the shorter
     * interval, counts added, the newer file, failing if either is (with the first problem).
     */
    public SnapshotActivity plus(SnapshotActivity other) {
        return new SnapshotActivity(camera, folder + ", " + other.folder,
                Math.min(intervalMillis, other.intervalMillis), written + other.written, bytesWritten + other.bytesWritten,
                Math.max(lastWrittenMillis, other.lastWrittenMillis), failures + other.failures,
                lastError.isPresent() ? lastError : other.lastError);
    }

    /**
     * One line for a console, for example
     * {@code cam0 (snapshots, every 60 s): 14 files, 0.7 MB, newest 2025-01-01T12:00:00Z; 2 failed; failing: ...}.
     */
    public String line() {
        StringBuilder line = new StringBuilder(camera).append(" (").append(folder)
                .append(String.format(Locale.ROOT, ", every %s s): %d %s, %.1f MB", intervalMillis % 1000 == 0
                        ? Long.toString(intervalMillis / 1000) : Double.toString(intervalMillis / 1e3), written,
                        written == 1 ? "file" : "files", bytesWritten / 1e6));
        if (lastWrittenMillis > 0) {
            line.append(", newest ").append(Instant.ofEpochMilli(lastWrittenMillis));
        }
        if (failures > 0) {
            line.append("; ").append(failures).append(" failed");
        }
        lastError.ifPresent(error -> line.append("; failing: ").append(error));
        return line.toString();
    }
}
