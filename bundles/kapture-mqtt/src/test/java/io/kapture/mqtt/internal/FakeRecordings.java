package io.kapture.mqtt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.kapture.processor.recorder.EventStatus;
import io.kapture.processor.recorder.RecordedFile;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.Recordings;
import io.kapture.processor.recorder.RetentionStatus;

/**
 * The recorder bundle's service, played by a test: it reports the recorders the test sets and counts triggers.
 * {@link #files()} fails the test, since it reads every file's header and the bridge must not call it each second.
 *
 * <p>Thread-safe: the test thread sets, the bridge's threads read.
 */
final class FakeRecordings implements Recordings {

    final List<String> triggers = new CopyOnWriteArrayList<>();
    private volatile List<RecordingProgress> recorders = List.of();

    void set(RecordingProgress... now) {
        recorders = List.of(now);
    }

    static RecordingProgress continuous(String camera, String file, long frames, long bytes, long millis, long done) {
        return new RecordingProgress(camera, Optional.ofNullable(file), frames, bytes, millis, done, 0,
                Optional.empty());
    }

    static RecordingProgress event(String camera, String file, String trigger, long frames, long bytes, long millis,
            long done) {
        return new RecordingProgress(camera, Optional.ofNullable(file), frames, bytes, millis, done, 0,
                Optional.empty(), Optional.of(new EventStatus(Optional.ofNullable(trigger), done, 10, 1000, 1 << 20,
                        2000, 0)));
    }

    @Override
    public List<RecordingProgress> recordings() {
        return recorders;
    }

    @Override
    public List<RecordingProgress> recordings(String camera) {
        return recorders.stream().filter(one -> one.camera().equals(camera)).toList();
    }

    @Override
    public List<RecordedFile> files() {
        throw new AssertionError("files() reads every file's header: the bridge must not call it");
    }

    @Override
    public RetentionStatus retention() {
        return new RetentionStatus("none", 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty());
    }

    @Override
    public int trigger(String camera, String trigger) {
        triggers.add(camera + ":" + trigger);
        List<RecordingProgress> events = new ArrayList<>(recordings(camera));
        events.removeIf(one -> one.events().isEmpty());
        return events.size();
    }
}
