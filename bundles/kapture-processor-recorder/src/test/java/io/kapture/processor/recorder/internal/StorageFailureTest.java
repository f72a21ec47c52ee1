package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.synthetic.SyntheticFrames;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.SyntheticFeed;

/**
 * Storage that goes away, cannot be written or fills up under a recorder: the file is closed cleanly and plays (ffmpeg), the error
 * names what happened, the recorder keeps taking frames (so the camera and its other listeners never notice) and
 * tries again later. The full disk is a real one: a 1 MiB tmpfs mounted over the recordings folder, which needs
 * root (as the build runs here), and so does the folder that cannot be written (the immutable attribute, which
 * stops even root); without root each of these tests says so and is skipped.
 */
class StorageFailureTest extends ProcessorFixture {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    private Path mounted;
    private Path lockedFolder;

    @AfterEach
    void cleanUp() throws Exception {
        if (lockedFolder != null) {
            run("chattr", "-i", lockedFolder.toString());
        }
        if (mounted != null) {
            run("umount", "-l", mounted.toString());
        }
    }

    @Test
    void aFolderDeletedMidFileIsNoticedAndRecordingGoesOnInTheFolderMadeAgain() throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, CAM0.as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);
        Path folder = root.path().resolve("recordings");
        deliver(30);
        Path first = recorder.fileInUse().orElseThrow();
        deleteFolder("recordings");
        assertFalse(Files.exists(folder));

        deliver(150); // the checkpoint 5 s into the file (frame 151, 5.03 s) finds the file gone
        RecordingProgress failed = recorder.progress();
        deliver(300 + 20); // 10 s later the recorder tries again, and the folder is made anew
        RecordingProgress resumed = recorder.progress();
        recorder.deactivate();

        assertTrue(failed.file().isEmpty());
        assertTrue(failed.lastError().orElseThrow().contains(first + " vanished while being written"),
                failed.lastError().orElseThrow());
        Path second = Path.of(resumed.file().orElseThrow());
        assertEquals(folder, second.getParent());
        AviFile avi = new AviFile(second);
        avi.assertIndexMatchesChunks();
        // the first frame 10 s or more after frame 151: 301 frames of 33.3 ms later
        assertEquals(151 + 301, SyntheticFrames.sequenceOf(avi.image(0)), "first frame 10 s after the failure");
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedAndRetriedUntilItCanBe() throws Exception {
        Path folder = root.path().resolve("recordings");
        Files.createDirectories(folder);
        // root writes anywhere a mode allows nothing; the immutable attribute stops root too
        String immutable = run("chattr", "+i", folder.toString());
        assumeTrue(immutable.isEmpty(), "making a folder immutable needs root and ext4-like storage: " + immutable);
        lockedFolder = folder;
        CameraRecorder recorder = new CameraRecorder(registrar, root, CAM0.as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);

        deliver(100);
        RecordingProgress refused = recorder.progress();
        assertEquals("", run("chattr", "-i", folder.toString()));
        lockedFolder = null;
        deliver(300); // frame 301 is the first 10 s after the failure at frame 0
        RecordingProgress resumed = recorder.progress();
        recorder.deactivate();

        assertTrue(refused.file().isEmpty());
        String error = refused.lastError().orElseThrow();
        assertTrue(error.startsWith("starting a file in folder 'recordings': FileSystemException: " + folder)
                && error.endsWith("Operation not permitted"), error);
        assertEquals(100, refused.framesSkipped());
        AviFile avi = new AviFile(Path.of(resumed.file().orElseThrow()));
        assertEquals(301, SyntheticFrames.sequenceOf(avi.image(0)));
    }

    @Test
    void aDiskFullMidFileClosesItCleanlyNamesTheErrorAndRecordingGoesOn() throws Exception {
        Path folder = root.path().resolve("recordings");
        Files.createDirectories(folder);
        String mount = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder.toString());
        assumeTrue(mount.isEmpty(), "mounting a 1 MiB tmpfs needs root: " + mount);
        mounted = folder;
        CameraRecorder recorder = new CameraRecorder(registrar, root,
                CAM0.with("jpeg.quality", 1.0).as(RecorderSettings::from));
        // noise at full quality: a few hundred kB a frame, so the second to fifth frame fills the disk
        feed = SyntheticFeed.timeline("cam0", "noise", 640, 480, PixelFormat.RGB24);

        deliver(10);
        RecordingProgress progress = recorder.progress();
        deliver(400); // two more attempts, 10 s of capture time apart, both finding the disk full
        recorder.deactivate();

        assertTrue(progress.lastError().orElseThrow().contains("No space left on device"),
                progress.lastError().orElseThrow());
        assertTrue(progress.file().isEmpty(), "the file was closed");
        List<Path> files = files("recordings", ".avi");
        assertTrue(!files.isEmpty());
        Path first = files.get(0);
        AviFile avi = new AviFile(first);
        assertTrue(avi.frames.size() >= 1, avi.frames.size() + " frames");
        assertEquals(avi.frames.size(), avi.totalFrames, "headers count what the file holds");
        assertEquals("", Ffprobe.decodeErrors(first));
        assertEquals(avi.frames.size(), Ffprobe.frameTimes(first).size());
        assertEquals(0, SyntheticFrames.sequenceOf(avi.image(0)));
        assertTrue(recorder.progress().framesSkipped() >= 400, recorder.progress().line());
        for (Path retried : files) {
            assertTrue(new AviFile(retried).frames.size() >= 1, "no empty file left by a retry: " + retried);
        }
    }

    /** Runs a command, returning what it printed if it failed, or "" if it succeeded. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
        return process.exitValue() == 0 ? "" : new String(output, StandardCharsets.UTF_8).trim() + " (exit "
                + process.exitValue() + ")";
    }
}
