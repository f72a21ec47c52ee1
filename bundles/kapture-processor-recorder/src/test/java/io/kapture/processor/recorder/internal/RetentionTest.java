package io.kapture.processor.recorder.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.PixelFormat;
import io.kapture.api.storage.StorageRoot;
import io.kapture.processor.recorder.RetentionStatus;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.RecordingRegistrar;
import io.kapture.testing.SyntheticFeed;

/**
 * Retention over a storage directory of files with Kapture's names (and some without), their ages set through
 * their modification times; and retention running beside a real recorder, whose open file it must leave alone.
 */
class RetentionTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = TimeUnit.DAYS.toMillis(1);
    private static final RetentionPass.Disk NO_DISK = disk(0, 100);

    @TempDir
    Path root;

    @BeforeEach
    void makeFolders() throws IOException {
        Files.createDirectories(root.resolve("recordings"));
        Files.createDirectories(root.resolve("snapshots"));
    }

    @Test
    void aTinySizeLimitKeepsTheNewestFilesAndNeverTheOneBeingWritten() throws IOException {
        Path writing = file("recordings/cam0-20270101-000000-000.avi", 1000, NOW - 10 * DAY);
        Path old = file("recordings/cam0-20270101-010000-000.motion.avi", 1000, NOW - 3 * DAY);
        Path older = file("snapshots/cam0-20270101-000500-000.jpg", 1000, NOW - 4 * DAY);
        Path newer = file("recordings/cam0-20270102-000000-000.avi", 1000, NOW - 2 * DAY);
        Path newest = file("snapshots/cam0-20270103-000000-000-1.png", 1000, NOW - DAY);
        Path foreign = file("recordings/holiday.avi", 5000, NOW - 30 * DAY);

        RetentionPass.Outcome outcome = RetentionPass.run(root, settings(3000, 0, 0), () -> Set.of(writing),
                NO_DISK, NOW);

        assertEquals(List.of(writing, newer, newest, foreign), remaining());
        assertEquals(2, outcome.bySize());
        assertEquals(2000, outcome.bytesDeleted());
        assertEquals(3, outcome.filesKept());
        assertEquals(3000, outcome.bytesKept());
        assertFalse(Files.exists(old) || Files.exists(older));
    }

    @Test
    void filesOlderThanTheAgeLimitGo() throws IOException {
        file("recordings/cam0-20270101-000000-000.avi", 10, NOW - 8 * DAY);
        Path recent = file("recordings/cam0-20270105-000000-000.avi", 10, NOW - 6 * DAY);

        RetentionPass.Outcome outcome = RetentionPass.run(root, settings(0, 0, 7), Set::of, NO_DISK, NOW);

        assertEquals(List.of(recent), remaining());
        assertEquals(1, outcome.byAge());
    }

    @Test
    void aFullDiskFreesTheOldestUntilUnderThePercentage() throws IOException {
        file("recordings/a-20270101-000000-000.avi", 600, NOW - 3 * DAY);
        file("recordings/b-20270101-000000-000.avi", 600, NOW - 2 * DAY);
        Path kept = file("recordings/c-20270101-000000-000.avi", 600, NOW - DAY);

        // 9,500 of 10,000 bytes used, limit 85 %: 1,000 bytes must go, two files of 600
        RetentionPass.Outcome outcome = RetentionPass.run(root, settings(0, 85, 0), Set::of, disk(9500, 500), NOW);

        assertEquals(List.of(kept), remaining());
        assertEquals(2, outcome.byDisk());
    }

    @Test
    void retentionBesideARecorderCountsWhatItDeletedAndSparesTheOpenFile() throws IOException {
        StorageRoot storage = StorageRoot.of(root.toString(), null);
        RecordingsService service = new RecordingsService(storage.path());
        RecordingRegistrar registrar = new RecordingRegistrar();
        CameraRecorder recorder = new CameraRecorder(registrar, storage, ComponentConfig.of(Config.class)
                .with("camera", "cam0").with("rotate.duration.seconds", 1).as(RecorderSettings::from));
        service.addRecorder(recorder);
        try (SyntheticFeed feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY)) {
            // 1 s of capture time per file: 31, 31, 31 frames finished, the last 7 in the open file
            for (int i = 0; i < 100; i++) {
                registrar.deliver(feed.next().toBuilder().wallClockMillis(NOW + i * 34L).build());
            }
            Path open = recorder.fileInUse().orElseThrow();
            service.storageRetention().apply(settings(1, 0, 0));
            // apply runs a pass at once on the retention thread; this one runs after it, under the same lock
            service.storageRetention().runPass();
            RetentionStatus status = service.retention();

            assertEquals(List.of(open), remaining().stream().filter(path -> path.toString().endsWith(".avi")).toList());
            assertTrue(status.passes() >= 1);
            assertEquals(3, status.deletedBySize());
            assertEquals(3, status.filesDeleted());
            assertTrue(status.line().startsWith("retention (size 0 MB): "), status.line());
            registrar.deliver(feed.next().toBuilder().wallClockMillis(NOW + 100 * 34L).build());
            assertEquals(open, recorder.fileInUse().orElseThrow(), "still writing the file it had");
        } finally {
            recorder.deactivate();
            service.deactivate();
        }
    }

    @Test
    void passesRunOnTheRetentionThreadAndApplyingLimitsReturnsAtOnce() throws IOException {
        file("recordings/cam0-20270101-000000-000.avi", 10, NOW - 8 * DAY);
        List<String> askedOn = new CopyOnWriteArrayList<>();
        StorageRetention retention = new StorageRetention(root, () -> {
            askedOn.add(Thread.currentThread().getName());
            return Set.of();
        }, NO_DISK, () -> NOW);
        try {
            retention.apply(settings(0, 0, 7));
            await().until(() -> retention.status().passes() >= 1);

            assertEquals("kapture-retention", askedOn.get(0));
            assertEquals(1, retention.status().deletedByAge());
            retention.apply(settings(0, 0, 0));
            assertEquals("none", retention.status().limits());
        } finally {
            retention.close();
        }
    }

    private static RetentionSettings settings(long maxBytes, int percent, int days) {
        return new RetentionSettings(maxBytes, percent, days * DAY, 60_000);
    }

    private Path file(String name, int bytes, long modifiedMillis) throws IOException {
        Path path = root.resolve(name);
        Files.write(path, new byte[bytes]);
        Files.setLastModifiedTime(path, FileTime.fromMillis(modifiedMillis));
        return path;
    }

    private List<Path> remaining() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(root)) {
            tree.filter(Files::isRegularFile).sorted(this::byName).forEach(files::add);
        }
        return files;
    }

    private int byName(Path a, Path b) {
        return a.getFileName().toString().compareTo(b.getFileName().toString());
    }

    private static RetentionPass.Disk disk(long used, long available) {
        return new RetentionPass.Disk() {
            @Override
            public long usedBytes() {
                return used;
            }

            @Override
            public long availableBytes() {
                return available;
            }
        };
    }
}
