package io.kapture.jmx.internal;

/**
 * The recorders and storage retention, as {@code io.kapture:type=Recordings}: the same figures as the
 * {@code kapture_recorder_*} and {@code kapture_storage_*} metrics, summed over recorders, plus each recorder's
 * console line. Read-only; registered while the recorder bundle runs.
 */
public interface RecordingsMXBean {

    /** Recorders with a file open. */
    int getRecordersWriting();

    /** Recorders with no file open whose last write or encoding failed (disk error, no encoder yet). */
    int getRecordersFailing();

    /** Files all recorders finished since they started. */
    long getFilesFinished();

    /** Frames all recorders skipped since they started. */
    long getFramesSkipped();

    /** One line per recorder, as {@code kapture:recordings} prints it (file, size, last error). */
    String[] getRecorders();

    long getRetentionPasses();

    long getRetentionFilesDeleted();

    long getRetentionBytesDeleted();

    /** Recordings and snapshots in the storage directory after the last retention pass. */
    long getStorageFiles();

    long getStorageBytes();

    /** The limits retention enforces, in words. */
    String getRetentionLimits();

    /** The last problem of a retention pass; empty if none. */
    String getRetentionLastError();
}
