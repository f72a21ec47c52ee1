package io.kapture.processor.recorder;

import java.util.Locale;
import java.util.Optional;

/**
 * What storage retention did since it started: the limits it enforces on Kapture's storage directory and the
 * files it deleted to keep them, counted by the limit that made it delete.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param limits          the limits in words, for example {@code size 2000 MB, disk 90 %, age 14 days}, or
 *                        {@code none} when every limit is 0 (nothing is deleted)
 * @param passes          retention passes run
 * @param deletedByAge    files deleted for being older than {@code max.age.days}
 * @param deletedBySize   files deleted to bring the recordings and snapshots under {@code max.size.mb}
 * @param deletedByDisk   files deleted to bring the disk's usage under {@code max.disk.percent}
 * @param bytesDeleted    bytes those files held
 * @param filesKept       recordings and snapshots in the storage directory after the last pass
 * @param bytesKept       their bytes
 * @param lastPassMillis  when the last pass ended (ms since the epoch), 0 before the first
 * @param lastError       what keeps retention from working now: the first problem of the last pass (a file that
 *                        could not be deleted, a folder that could not be read), empty again once a pass meets
 *                        none; and a refused configuration (the previous limits stay), until a valid one is
 *                        applied
 */
public record RetentionStatus(String limits, long passes, long deletedByAge, long deletedBySize, long deletedByDisk,
        long bytesDeleted, long filesKept, long bytesKept, long lastPassMillis, Optional<String> lastError) {

    /** Files deleted, for every reason. */
    public long filesDeleted() {
        return deletedByAge + deletedBySize + deletedByDisk;
    }

    /** For a console: {@code retention (size 20 MB): 12 passes, 7 files deleted (0 age, 7 size, 0 disk), ...}. */
    public String line() {
        return String.format(Locale.ROOT,
                "retention (%s): %d passes, %d files deleted (%d age, %d size, %d disk), %.1f MB freed; %d files,"
                        + " %.1f MB kept%s",
                limits, passes, filesDeleted(), deletedByAge, deletedBySize, deletedByDisk, bytesDeleted / 1_000_000.0,
                filesKept, bytesKept / 1_000_000.0, lastError.map(error -> "; last error: " + error).orElse(""));
    }
}
