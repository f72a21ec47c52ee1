package io.kapture.processor.snapshot.internal;

import java.util.Objects;
import java.util.Optional;

import io.kapture.processor.snapshot.SnapshotActivity;

/**
 * Counts one schedule's snapshots as they are written or fail, and remembers the problem of the latest failed
 * one until a snapshot is written again.
 *
 * <p>Threading contract: the listener's delivery thread records, any thread takes a {@link #snapshot}; both go
 * through this object's monitor, held only for a few field updates (never during encoding or file I/O).
 */
final class SnapshotCounts {

    private long written;
    private long bytesWritten;
    private long lastWrittenMillis;
    private long failures;
    private String problem;

    /**
     * A snapshot of {@code bytes} taken at {@code wallClockMillis} was written.
     *
     * @return true if the attempt before it had failed (writing recovered)
     */
    synchronized boolean written(long bytes, long wallClockMillis) {
        written++;
        bytesWritten += bytes;
        lastWrittenMillis = wallClockMillis;
        boolean recovered = problem != null;
        problem = null;
        return recovered;
    }

    /**
     * A snapshot failed with {@code why}.
     *
     * @return true if this is another problem than the previous attempt's (the first failure, or a new cause)
     */
    synchronized boolean failed(String why) {
        failures++;
        boolean news = !Objects.equals(why, problem);
        problem = why;
        return news;
    }

    synchronized SnapshotActivity snapshot(SnapshotSettings settings) {
        return new SnapshotActivity(settings.camera(), Objects.toString(settings.folder(), ""), settings.intervalNanos() / 1_000_000,
                written, bytesWritten, lastWrittenMillis, failures, Optional.ofNullable(problem));
    }
}
