package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.PixelFormat;
import io.kapture.api.storage.StorageRoot;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.RetentionStatus;
import io.kapture.processor.recorder.StorageSpace;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.RecordingRegistrar;
import io.kapture.testing.SyntheticFeed;

/** The service lists the recorders SCR binds, by camera, and forgets unbound ones. */
class RecordingsServiceTest {

    @TempDir
    Path temp;

    @Test
    void listsBoundRecordersByCameraName() throws IOException {
        StorageRoot root = StorageRoot.of(temp.toString(), null);
        RecordingsService service = new RecordingsService(root.path());
        RecordingRegistrar zetaFeed = new RecordingRegistrar();
        CameraRecorder zeta = recorder(root, "zeta", zetaFeed);
        CameraRecorder alpha = recorder(root, "alpha", new RecordingRegistrar());
        service.addRecorder(zeta);
        service.addRecorder(alpha);
        try (SyntheticFeed feed = SyntheticFeed.timeline("zeta", "bars", 160, 120, PixelFormat.GREY)) {
            zetaFeed.deliver(feed.next());
            zetaFeed.deliver(feed.next());
        }

        List<RecordingProgress> all = service.recordings();

        assertEquals(List.of("alpha", "zeta"), all.stream().map(RecordingProgress::camera).toList());
        assertEquals(Optional.empty(), all.get(0).file());
        assertEquals(2, service.recordings("zeta").get(0).frames());
        assertEquals(List.of(), service.recordings("nobody"));

        service.removeRecorder(zeta);
        zeta.deactivate();
        alpha.deactivate();

        assertEquals(List.of("alpha"), service.recordings().stream().map(RecordingProgress::camera).toList());
    }

    /** The space of the disk holding the storage directory, as df tells it, even before the directory exists. */
    @Test
    void theStorageDisksSpaceIsTheFileSystemsOfTheStorageDirectory() throws IOException {
        RecordingsService service = new RecordingsService(temp.resolve("not-made-yet"));
        try {
            FileStore store = Files.getFileStore(temp);
            StorageSpace space = service.storageSpace().orElseThrow();
            assertEquals(store.getTotalSpace(), space.totalBytes());
            assertTrue(space.usedBytes() > 0 && space.usedBytes() <= space.totalBytes(), space.toString());
            assertTrue(space.availableBytes() >= 0 && space.availableBytes() <= space.totalBytes(), space.toString());
        } finally {
            service.deactivate();
        }
    }

    @Test
    void anInvalidRetentionLimitKeepsThePreviousLimitsAndSaysWhy() throws IOException {
        RecordingsService service = new RecordingsService(temp);
        ComponentConfig<RetentionConfig> retention = ComponentConfig.of(RetentionConfig.class);
        try {
            service.modified(retention.with("max.age.days", 14).as(config -> config));
            service.modified(retention.with("max.disk.percent", 150).as(config -> config));

            RetentionStatus status = service.retention();
            assertEquals("age 14 days", status.limits());
            assertEquals(Optional.of("io.kapture.storage.retention: max.disk.percent must be from 0 (no limit) to 99,"
                    + " was '150'; the previous limits stay"), status.lastError());
            assertTrue(status.line().endsWith("; last error: " + status.lastError().get()), status.line());
        } finally {
            service.deactivate();
        }
    }

    @Test
    void theProgressLineSaysFileFramesSizeAndTime() {
        RecordingProgress progress = new RecordingProgress("cam0", Optional.of("/data/cam0-1.avi"), 1234, 12_345_678,
                41_100, 2, 3, Optional.of("IOException: disk full"));

        assertEquals("cam0: /data/cam0-1.avi, 1234 frames, 12.3 MB, 41.1 s (2 files done, 3 frames skipped);"
                + " last error: IOException: disk full", progress.line());
    }

    private static CameraRecorder recorder(StorageRoot root, String camera, RecordingRegistrar registrar)
            throws IOException {
        return new CameraRecorder(registrar, root,
                ComponentConfig.of(Config.class).with("camera", camera).as(RecorderSettings::from));
    }
}
