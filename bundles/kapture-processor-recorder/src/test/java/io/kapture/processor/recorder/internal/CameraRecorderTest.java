package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFlags;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.synthetic.SyntheticFrames;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/**
 * Recording the synthetic camera: every file is parsed as RIFF AVI, its frames decoded, and the synthetic
 * camera's sequence code in the pixels says exactly which frames ended up where.
 */
class CameraRecorderTest extends ProcessorFixture {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    @Test
    void subscribesToItsCameraWithAQueueThatDropsTheOldest() throws IOException {
        new CameraRecorder(registrar, root, CAM0.as(RecorderSettings::from));

        assertEquals(Map.of(FrameListener.CAMERA, "cam0", FrameListener.QUEUE_CAPACITY, 8, FrameListener.DROP_POLICY,
                "DROP_OLDEST", FrameListener.NAME, "recorder:cam0",
                FrameListener.DELIVERY_THREAD, true), registrar.subscriber().properties());
    }

    @Test
    void recordsEncodedFramesIntoOneAviWhoseFirstAndLastFramesDecode() throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, CAM0.as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars+box", 320, 240, PixelFormat.YUYV);

        deliver(60);
        RecordingProgress progress = recorder.progress();
        recorder.deactivate();

        List<Path> files = files("recordings", ".avi");
        assertEquals(1, files.size());
        AviFile avi = new AviFile(files.get(0));
        assertEquals(60, avi.frames.size());
        assertEquals(60, avi.totalFrames);
        avi.assertIndexMatchesChunks();
        assertEquals(320, avi.width);
        assertEquals(33_333, avi.microsPerFrame, "30 fps, as captured");
        assertEquals(0, SyntheticFrames.sequenceOf(avi.image(0)));
        assertEquals(59, SyntheticFrames.sequenceOf(avi.image(59)));
        assertEquals(320, avi.image(59).getWidth());
        assertEquals(Optional.of(files.get(0).toString()), progress.file());
        assertEquals(60, progress.frames());
        assertEquals(Files.size(files.get(0)), progress.bytes(), "the size it has once the index is added");
        assertEquals(59 * SyntheticFeed.FRAME_NANOS / 1_000_000, progress.durationMillis());
        assertEquals(0, feed.retains());
    }

    @Test
    void mjpegFramesAreRecordedAsTheyCome() throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, CAM0.as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.MJPEG);
        List<byte[]> sent = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            TestFrame frame = feed.next();
            byte[] jpeg = new byte[frame.bytesUsed()];
            frame.data().get(0, jpeg);
            sent.add(jpeg);
            registrar.deliver(frame);
        }
        recorder.deactivate();

        AviFile avi = new AviFile(files("recordings", ".avi").get(0));
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(sent.get(i), avi.frames.get(i), "frame " + i);
        }
    }

    @Test
    void rotationByDurationSplitsAtWholeSeconds() throws IOException {
        ComponentConfig<Config> config = CAM0.with("rotate.duration.seconds", 1);
        CameraRecorder recorder = new CameraRecorder(registrar, root, config.as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "box", 160, 120, PixelFormat.GREY);

        deliver(100);
        recorder.deactivate();

        // Frames are 33,333,333 ns apart: a file holds the 31 frames from its first to just under 1 s later.
        List<Integer> counts = new ArrayList<>();
        List<Long> firstSequences = new ArrayList<>();
        for (Path file : files("recordings", ".avi")) {
            AviFile avi = new AviFile(file);
            avi.assertIndexMatchesChunks();
            counts.add(avi.frames.size());
            firstSequences.add(SyntheticFrames.sequenceOf(avi.image(0)));
        }
        assertEquals(List.of(31, 31, 31, 7), counts);
        assertEquals(List.of(0L, 31L, 62L, 93L), firstSequences);
        assertEquals(4, recorder.progress().filesCompleted());
    }

    @Test
    void rotationBySizeKeepsEveryFileUnderTheLimit() throws IOException {
        ComponentConfig<Config> config = CAM0.with("rotate.size.mb", 1).with("jpeg.quality", 1.0);
        CameraRecorder recorder = new CameraRecorder(registrar, root, config.as(RecorderSettings::from));
        // Noise hardly compresses: each frame is a few hundred kB, so a file holds a handful.
        feed = SyntheticFeed.timeline("cam0", "noise", 640, 480, PixelFormat.RGB24);

        deliver(20);
        recorder.deactivate();

        List<Path> files = files("recordings", ".avi");
        assertTrue(files.size() >= 3, files.size() + " files");
        long next = 0;
        for (Path file : files) {
            assertTrue(Files.size(file) <= 1_000_000, file + " has " + Files.size(file) + " bytes");
            AviFile avi = new AviFile(file);
            avi.assertIndexMatchesChunks();
            assertEquals(next, SyntheticFrames.sequenceOf(avi.image(0)), "no frame lost between files");
            next += avi.frames.size();
        }
        assertEquals(20, next);
    }

    @Test
    void aNewFrameSizeStartsANewFile() throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, CAM0.as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 320, 240, PixelFormat.GREY);
        deliver(3);
        feed.close();
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);
        deliver(3);
        recorder.deactivate();

        List<Integer> widths = new ArrayList<>();
        for (Path file : files("recordings", ".avi")) {
            widths.add(new AviFile(file).width);
        }
        assertEquals(2, widths.size());
        assertTrue(widths.containsAll(List.of(320, 160)), widths.toString());
    }

    @Test
    void corruptedFramesAreSkippedAndCounted() throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, CAM0.as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);

        registrar.deliver(feed.next());
        registrar.deliver(feed.next().toBuilder().flags(FrameFlags.ERROR).build());
        registrar.deliver(feed.next());
        recorder.deactivate();

        AviFile avi = new AviFile(files("recordings", ".avi").get(0));
        assertEquals(2, avi.frames.size());
        assertEquals(2, SyntheticFrames.sequenceOf(avi.image(1)));
        assertEquals(1, recorder.progress().framesSkipped());
    }

    @Test
    void aFailedFilePausesRecordingThenItResumes() throws IOException {
        ComponentConfig<Config> config = CAM0.with("rotate.duration.seconds", 1);
        CameraRecorder recorder = new CameraRecorder(registrar, root, config.as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);
        Path folder = root.path().resolve("recordings");
        registrar.deliver(feed.next());
        Path first = recorder.progress().file().map(Path::of).orElseThrow();
        Files.move(first, temp.resolve("first.avi"));
        Files.delete(folder);
        Files.writeString(folder, "a file where the folder was");

        // Frame 31 needs a new file, which fails: recording pauses for 10 s of capture time, until frame 332.
        for (int i = 1; i < 100; i++) {
            registrar.deliver(feed.next());
        }
        RecordingProgress paused = recorder.progress();
        Files.delete(folder);
        for (int i = 100; i < 400; i++) {
            registrar.deliver(feed.next());
        }
        recorder.deactivate();

        assertTrue(paused.file().isEmpty());
        assertTrue(paused.lastError().orElseThrow().contains("not a directory"), paused.lastError().get());
        assertEquals(31, new AviFile(temp.resolve("first.avi")).frames.size(), "the first file was finished");
        List<Path> resumed = files("recordings", ".avi");
        assertEquals(332, SyntheticFrames.sequenceOf(new AviFile(resumed.get(0)).image(0)),
                "recording resumed with the first frame 10 s after the failure");
        assertEquals(332 - 31, recorder.progress().framesSkipped());
    }

    @Test
    void aFolderOutsideTheStorageRootFailsActivation() {
        ComponentConfig<Config> config = CAM0.with("folder", "/etc");

        String message = assertThrows(IllegalArgumentException.class,
                () -> new CameraRecorder(registrar, root, config.as(RecorderSettings::from))).getMessage();

        assertTrue(message.contains("folder '/etc' lies outside the storage directory"), message);
        assertTrue(registrar.subscribers().isEmpty());
    }

    @Test
    void progressBeforeTheFirstFrameSaysItWaits() throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, CAM0.as(RecorderSettings::from));

        RecordingProgress progress = recorder.progress();

        assertEquals(new RecordingProgress("cam0", Optional.empty(), 0, 0, 0, 0, 0, Optional.empty()), progress);
        assertEquals("cam0: waiting for frames (0 files done)", progress.line());
    }

}
