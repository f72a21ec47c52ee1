package io.kapture.processor.recorder.internal;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.Recordings;

/**
 * The {@link Recordings} service: collects the progress of every configured {@link CameraRecorder}, which SCR
 * binds and unbinds here as configurations come and go.
 *
 * <p>Threading contract: bind and unbind may run on any thread, concurrently with readers; the recorders are
 * kept in a copy-on-write list, so every read works on a consistent snapshot without locking.
 */
@Component(service = Recordings.class)
public final class RecordingsService implements Recordings {

    private static final Comparator<RecordingProgress> ORDER = Comparator.comparing(RecordingProgress::camera)
            .thenComparing(progress -> progress.file().orElse(""));

    private final List<CameraRecorder> recorders = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeRecorder")
    void addRecorder(CameraRecorder recorder) {
        recorders.add(recorder);
    }

    void removeRecorder(CameraRecorder recorder) {
        recorders.remove(recorder);
    }

    @Override
    public List<RecordingProgress> recordings() {
        return recorders.stream().map(CameraRecorder::progress).sorted(ORDER).toList();
    }

    @Override
    public List<RecordingProgress> recordings(String camera) {
        return recorders.stream().map(CameraRecorder::progress).filter(progress -> progress.camera().equals(camera))
                .sorted(ORDER).toList();
    }
}
