package io.kapture.jmx.internal;

/**
 * The scheduled snapshots, as {@code io.kapture:type=Snapshots}: the figures of the {@code kapture_snapshot_*}
 * metrics, summed over schedules, plus each schedule's console line (with its problem while it fails). Read-only;
 * registered while the snapshot bundle runs.
 */
public interface SnapshotSchedulesMXBean {

    /** Snapshot files all schedules wrote since they started. */
    long getFilesWritten();

    /** Their bytes, as written. */
    long getBytesWritten();

    /** Snapshots that could not be encoded or written. */
    long getFailures();

    /** Schedules whose latest snapshot failed. */
    int getSchedulesFailing();

    /** One line per schedule: files, bytes, the newest file's time, failures and the present problem. */
    String[] getSchedules();
}
