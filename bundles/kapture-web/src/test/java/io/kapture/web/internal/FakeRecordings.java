package io.kapture.web.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

import io.kapture.processor.recorder.EventStatus;
import io.kapture.processor.recorder.RecordedFile;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.Recordings;
import io.kapture.processor.recorder.RetentionStatus;
import io.kapture.processor.recorder.StorageSpace;

/**
 * A recorder bundle's figures, fixed: camera "cam0" has a continuous recorder writing and an event recorder paused
 * on a disk error, camera "cam1" two continuous recorders (one waiting for an encoder), retention deleted 7 files,
 * and the disk has 35 of 100 GB available.
 */
final class FakeRecordings implements Recordings {

    /** One as SCR hands it to the metrics servlet's reference. */
    static ComponentServiceObjects<Recordings> asServiceObjects(Recordings recordings) {
        return new ComponentServiceObjects<>() {
            @Override
            public Recordings getService() {
                return recordings;
            }

            @Override
            public void ungetService(Recordings service) {
            }

            @Override
            public ServiceReference<Recordings> getServiceReference() {
                throw new UnsupportedOperationException("not needed by the servlet");
            }
        };
    }

    @Override
    public List<RecordingProgress> recordings() {
        EventStatus ring = new EventStatus(Optional.empty(), 3, 150, 4_000_000, 32_000_000, 5_000, 12);
        return List.of(
                new RecordingProgress("cam0", Optional.of("/data/kapture/recordings/cam0-20250101-120000-000.avi"),
                        1234, 12_300_000, 41_100, 2, 5, Optional.empty()),
                new RecordingProgress("cam0", Optional.empty(), 0, 0, 0, 3, 40,
                        Optional.of("writing /data/x.avi: IOException: No space left on device"), Optional.of(ring)),
                new RecordingProgress("cam1", Optional.of("/data/kapture/recordings/cam1-20250101-120000-000.mp4"),
                        100, 1_000_000, 4_000, 4, 0, Optional.empty(), Optional.empty(), 41_000_000),
                new RecordingProgress("cam1", Optional.empty(), 0, 0, 0, 1, 77,
                        Optional.of("no H.264 encoder"), Optional.empty(), 9_000_000, 2));
    }

    @Override
    public List<RecordingProgress> recordings(String camera) {
        return recordings().stream().filter(progress -> progress.camera().equals(camera)).toList();
    }

    @Override
    public List<RecordedFile> files() {
        throw new UnsupportedOperationException("reads every file's header: the metrics must not call it");
    }

    @Override
    public RetentionStatus retention() {
        return new RetentionStatus("size 2000 MB, age 14 days", 12, 1, 6, 0, 70_000_000, 40, 1_900_000_000,
                1_733_371_200_500L, Optional.empty());
    }

    @Override
    public Optional<StorageSpace> storageSpace() {
        return Optional.of(new StorageSpace(100_000_000_000L, 60_000_000_000L, 35_000_000_000L));
    }

    @Override
    public int trigger(String camera, String trigger) {
        throw new UnsupportedOperationException("not needed by the metrics");
    }
}
