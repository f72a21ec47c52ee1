package io.kapture.mqtt.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kapture.processor.recorder.EventStatus;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.Recordings;

/**
 * The recorder bundle's {@link Recordings} service as a {@link RecorderSource}. SCR activates this component only
 * while a {@code Recordings} service is registered, and only then loads this class, so the bridge bundle resolves
 * and runs without the recorder bundle (its package is imported with {@code resolution:=optional}). It reads
 * {@link Recordings#recordings()} only, never {@link Recordings#files()}, which reads every file's header.
 *
 * <p>Thread-safety: stateless apart from the final service reference; safe from any thread.
 */
@Component(service = RecorderSource.class)
public final class RecordingsSource implements RecorderSource {

    private final Recordings recordings;

    @Activate
    public RecordingsSource(@Reference Recordings recordings) {
        this.recordings = recordings;
    }

    @Override
    public List<Recorder> recorders() {
        return recordings.recordings().stream().map(RecordingsSource::recorder).toList();
    }

    @Override
    public int trigger(String camera, String trigger) {
        return recordings.trigger(camera, trigger);
    }

    private static Recorder recorder(RecordingProgress progress) {
        Optional<EventStatus> events = progress.events();
        return new Recorder(progress.camera(), progress.file(), progress.filesCompleted(), progress.filesUnfinished(),
                progress.lastError(), events.isPresent(), events.flatMap(EventStatus::clipTrigger));
    }
}
