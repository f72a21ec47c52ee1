package io.kapture.jmx.internal;

import java.util.function.Predicate;

import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.Recordings;
import io.kapture.processor.recorder.RetentionStatus;

/**
 * {@link RecordingsMXBean} over the recorder bundle's {@link Recordings}, read at every call.
 *
 * <p>Thread-safe: JMX calls it on RMI threads at once; the service is thread-safe.
 */
final class RecordingsBean implements RecordingsMXBean {

    private final Recordings recordings;

    RecordingsBean(Recordings recordings) {
        this.recordings = recordings;
    }

    /** @param service a {@link Recordings}, as {@link RecordingsBeans} gets it without naming the type */
    static RecordingsMXBean over(Object service) {
        return new RecordingsBean((Recordings) service);
    }

    @Override
    public int getRecordersWriting() {
        return count(progress -> progress.file().isPresent());
    }

    @Override
    public int getRecordersFailing() {
        return count(progress -> progress.file().isEmpty() && progress.lastError().isPresent());
    }

    @Override
    public long getFilesFinished() {
        return recordings.recordings().stream().mapToLong(RecordingProgress::filesCompleted).sum();
    }

    @Override
    public long getFramesSkipped() {
        return recordings.recordings().stream().mapToLong(RecordingProgress::framesSkipped).sum();
    }

    @Override
    public String[] getRecorders() {
        return recordings.recordings().stream().map(RecordingProgress::line).toArray(String[]::new);
    }

    @Override
    public long getRetentionPasses() {
        return retention().passes();
    }

    @Override
    public long getRetentionFilesDeleted() {
        return retention().filesDeleted();
    }

    @Override
    public long getRetentionBytesDeleted() {
        return retention().bytesDeleted();
    }

    @Override
    public long getStorageFiles() {
        return retention().filesKept();
    }

    @Override
    public long getStorageBytes() {
        return retention().bytesKept();
    }

    @Override
    public String getRetentionLimits() {
        return retention().limits();
    }

    @Override
    public String getRetentionLastError() {
        return retention().lastError().orElse("");
    }

    private RetentionStatus retention() {
        return recordings.retention();
    }

    private int count(Predicate<RecordingProgress> state) {
        return (int) recordings.recordings().stream().filter(state).count();
    }
}
