package io.kapture.processor.snapshot;

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
}
