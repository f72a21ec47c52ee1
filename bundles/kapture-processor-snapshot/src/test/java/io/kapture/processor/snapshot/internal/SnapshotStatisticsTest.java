package io.kapture.processor.snapshot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFlags;
import io.kapture.api.PixelFormat;
import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/**
 * What {@code SnapshotStatistics} tells of a schedule: files and bytes written (the bytes of the files on disk),
 * the newest file's time (the one in its name), failures with the problem, cleared by the next snapshot written;
 * and the service lists schedules by camera and folder as SCR binds them.
 */
class SnapshotStatisticsTest extends ProcessorFixture {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0")
            .with("interval.seconds", 1).with("retention", 0);

    @Test
    void countsTheFilesWrittenWithTheirBytesAndTheNewestTime() throws IOException {
        SnapshotComponent schedule = new SnapshotComponent(registrar, root, CAM0.as(SnapshotSettings::from));
        assertEquals(new SnapshotActivity("cam0", "snapshots", 1_000, 0, 0, 0, 0, Optional.empty()),
                schedule.activity());
        feed = SyntheticFeed.timeline("cam0", "bars+box", 320, 240, PixelFormat.YUYV);

        TestFrame last = null;
        for (int i = 0; i < 62; i++) {
            last = feed.next();
            registrar.deliver(last);
        }

        List<Path> files = files("snapshots", ".jpg");
        assertEquals(3, files.size(), "frames 0, 31 and 61 (a second is 30 frames and 10 ns)");
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        assertEquals(new SnapshotActivity("cam0", "snapshots", 1_000, 3, bytes, last.wallClockMillis(), 0,
                Optional.empty()), schedule.activity());
    }

    @Test
    void aFailureShowsUntilASnapshotIsWrittenAgain() throws IOException {
        SnapshotComponent schedule = new SnapshotComponent(registrar, root, CAM0.as(SnapshotSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.GREY);
        registrar.deliver(feed.next());
        Path folder = root.path().resolve("snapshots");
        deleteFolder("snapshots");
        Files.writeString(folder, "a file where the folder was");

        for (int i = 0; i < 61; i++) {
            registrar.deliver(feed.next());
        }
        SnapshotActivity failing = schedule.activity();
        assertEquals(1, failing.written());
        assertEquals(2, failing.failures(), "the snapshots of frames 31 and 61");
        assertTrue(failing.failing());
        assertTrue(failing.lastError().get().contains("snapshots"), failing.lastError().get());

        Files.delete(folder);
        for (int i = 0; i < 30; i++) {
            registrar.deliver(feed.next());
        }
        SnapshotActivity recovered = schedule.activity();
        assertEquals(2, recovered.written());
        assertEquals(2, recovered.failures(), "failures stay counted");
        assertEquals(Optional.empty(), recovered.lastError(), "the problem went with the snapshot of frame 91");
    }

    @Test
    void aSnapshotWrittenWhoseOldOnesCannotBeDeletedCountsAsWrittenAndRetentionAsFailing() throws IOException {
        SnapshotSettings keepOne = CAM0.with("retention", 1).as(SnapshotSettings::from);
        SnapshotFiles files = new SnapshotFiles(root, keepOne, file -> {
            throw new java.nio.file.AccessDeniedException(file.toString());
        });
        SnapshotComponent schedule = new SnapshotComponent(registrar, root, keepOne, files);
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.GREY);
        for (int i = 0; i < 40; i++) { // snapshots of frames 0 and 31
            registrar.deliver(feed.next());
        }

        SnapshotActivity activity = schedule.activity();
        assertEquals(2, activity.written(), "both snapshots are there: " + activity.line());
        assertEquals(2, files.snapshots(files.folder()).size());
        assertEquals(1, activity.failures(), "the second one's retention: " + activity.line());
        assertTrue(activity.failing());
        assertTrue(activity.lastError().get().contains("cannot delete the old snapshot"), activity.lastError().get());
    }

    @Test
    void aCorruptedFrameIsNeitherWrittenNorAFailure() throws IOException {
        SnapshotComponent schedule = new SnapshotComponent(registrar, root, CAM0.as(SnapshotSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.GREY);

        registrar.deliver(feed.next().toBuilder().flags(FrameFlags.ERROR).build());

        assertEquals(0, schedule.activity().written() + schedule.activity().failures());
    }

    @Test
    void aLineTellsWhatWasWrittenAndWhatFails() {
        assertEquals("cam0 (snapshots, every 60 s): 14 files, 0.7 MB, newest 2024-12-05T04:00:00Z",
                new SnapshotActivity("cam0", "snapshots", 60_000, 14, 700_000, 1_733_371_200_000L, 0,
                        Optional.empty()).line());
        assertEquals("cam0 (stills, every 0.5 s): 1 file, 0.0 MB, newest 2024-12-05T04:00:00.250Z; 2 failed;"
                + " failing: IOException: Read-only file system", new SnapshotActivity("cam0", "stills", 500, 1,
                        9_000, 1_733_371_200_250L, 2, Optional.of("IOException: Read-only file system")).line());
        assertEquals("cam1 (snapshots, every 1 s): 0 files, 0.0 MB", new SnapshotActivity("cam1", "snapshots",
                1_000, 0, 0, 0, 0, Optional.empty()).line());
    }

    @Test
    void twoSchedulesOfOneCameraAddUp() {
        SnapshotActivity writing = new SnapshotActivity("cam0", "snapshots", 60_000, 14, 700_000, 1_733_371_200_000L,
                0, Optional.empty());
        SnapshotActivity failing = new SnapshotActivity("cam0", "stills", 5_000, 4, 200_000, 1_733_371_230_250L, 7,
                Optional.of("IOException: Read-only file system"));

        assertEquals(new SnapshotActivity("cam0", "snapshots, stills", 5_000, 18, 900_000, 1_733_371_230_250L, 7,
                Optional.of("IOException: Read-only file system")), writing.plus(failing));
        assertEquals(Optional.of("IOException: Read-only file system"), failing.plus(writing).lastError());
    }

    @Test
    void theServiceListsTheSchedulesByCameraAndFolder() throws IOException {
        SnapshotStatisticsService service = new SnapshotStatisticsService();
        SnapshotComponent cam1 = new SnapshotComponent(registrar, root, CAM0.with("camera", "cam1")
                .as(SnapshotSettings::from));
        SnapshotComponent cam0Stills = new SnapshotComponent(registrar, root, CAM0.with("folder", "stills")
                .as(SnapshotSettings::from));
        SnapshotComponent cam0 = new SnapshotComponent(registrar, root, CAM0.as(SnapshotSettings::from));

        service.addSchedule(cam1);
        service.addSchedule(cam0Stills);
        service.addSchedule(cam0);
        assertEquals(List.of("cam0 snapshots", "cam0 stills", "cam1 snapshots"), service.schedules().stream()
                .map(activity -> activity.camera() + " " + activity.folder()).toList());

        service.removeSchedule(cam0Stills);
        assertEquals(2, service.schedules().size());
    }
}
