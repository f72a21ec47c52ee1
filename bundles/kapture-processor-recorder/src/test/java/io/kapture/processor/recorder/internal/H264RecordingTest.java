package io.kapture.processor.recorder.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.EncoderRanking;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.encoder.openh264.internal.OpenH264EncoderFactory;
import io.kapture.processor.recorder.RecordedFile;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.synthetic.SyntheticFrames;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;
import io.kapture.testing.VideoProbe;

/**
 * The recorder with {@code format = h264}: the synthetic camera's frames encoded by the real OpenH264 into fragmented
 * MP4 files, which ffprobe and ffmpeg read back; the synthetic camera's sequence code, decoded from the H.264
 * pictures, says which frame begins a file or a clip.
 */
class H264RecordingTest extends ProcessorFixture {

    private static final ComponentConfig<Config> H264 = ComponentConfig.of(Config.class).with("camera", "cam0")
            .with("format", "h264");

    @Test
    void filesRotateAtTheKeyframeAskedForAndHoldEveryFrame() throws Exception {
        CameraRecorder recorder = new CameraRecorder(registrar, root, H264.with("rotate.duration.seconds", 2)
                .with("h264.keyframe.interval", 45).as(RecorderSettings::from), H264Frames.openh264());
        feed = SyntheticFeed.timeline("cam0", "bars+box", 320, 240, PixelFormat.YUYV);

        deliver(120);
        recorder.deactivate();

        List<Path> files = recordings();
        assertEquals(2, files.size(), files.toString());
        // frame 61 is the first 2 s after the first: not a keyframe, so one is asked for and frame 62 begins file 2
        int[] expectedFrames = { 62, 58 };
        int[] expectedFirst = { 0, 62 };
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            assertTrue(file.getFileName().toString().matches("cam0-\\d{8}-\\d{6}-\\d{3}\\.mp4"), file.toString());
            VideoProbe.Report report = VideoProbe.probe(file);
            assertEquals("h264", report.codec());
            assertEquals(expectedFrames[i], report.frames(), file.toString());
            assertEquals("", Ffprobe.decodeErrors(file));
            assertTrue(VideoProbe.keyFrames(file).get(0), "file " + i + " begins with a keyframe");
            assertEquals(expectedFirst[i], SyntheticFrames.sequenceOf(Ffprobe.frame(file, 0)));
        }
        List<RecordedFile> listed = VideoFileCatalog.list(root.folder("folder", "."), Set::of);
        assertEquals(List.of(62L, 58L), listed.stream().map(RecordedFile::frames).toList());
        assertEquals(61 * SyntheticFeed.FRAME_NANOS / 1_000_000 + 33, listed.get(0).durationMillis(), 1);
        assertEquals(0, feed.retains());
    }

    @Test
    void withoutAnEncoderFramesAreSkippedWithWhatToInstallUntilOneComes() throws Exception {
        EncoderRanking encoders = new EncoderRanking();
        CameraRecorder recorder = new CameraRecorder(registrar, root, H264.as(RecorderSettings::from), encoders);
        feed = SyntheticFeed.timeline("cam0", "bars+box", 320, 240, PixelFormat.YUYV);

        deliver(10);
        RecordingProgress waiting = recorder.progress();
        assertEquals(10, waiting.framesSkipped());
        String error = waiting.lastError().orElseThrow();
        assertTrue(error.contains("no H.264 encoder is installed") && error.contains("kapture-h264"), error);
        assertTrue(recordings().isEmpty());

        // an encoder service appears: the next frame is encoded, without waiting for the retry pause
        encoders.add(new OpenH264EncoderFactory(),
                Map.of(VideoEncoderFactory.CODEC, VideoEncoderFactory.H264));
        deliver(30);
        assertEquals(Optional.empty(), recorder.progress().lastError(), "the reason no longer holds");
        recorder.deactivate();
        List<Path> files = recordings();
        assertEquals(1, files.size());
        assertEquals(30, VideoProbe.probe(files.get(0)).frames());
        assertEquals(10, SyntheticFrames.sequenceOf(Ffprobe.frame(files.get(0), 0)));
    }

    @Test
    void aClipBeginsAtAKeyframeWithAtLeastItsPreRoll() throws Exception {
        CameraRecorder recorder = new CameraRecorder(registrar, root, H264.with("mode", "event")
                .with("pre.seconds", 1).with("post.seconds", 1).with("h264.keyframe.interval", 20)
                .as(RecorderSettings::from), H264Frames.openh264());
        feed = SyntheticFeed.timeline("cam0", "bars+box", 320, 240, PixelFormat.YUYV);

        deliver(100);
        recorder.pulse("doorbell"); // applies at frame 100
        deliver(60);
        recorder.deactivate();

        List<Path> clips = recordings();
        assertEquals(1, clips.size(), clips.toString());
        Path clip = clips.get(0);
        assertTrue(clip.toString().endsWith(".doorbell.mp4"), clip.toString());
        assertEquals("", Ffprobe.decodeErrors(clip));
        assertTrue(VideoProbe.keyFrames(clip).get(0), "the clip begins with a keyframe");
        long first = SyntheticFrames.sequenceOf(Ffprobe.frame(clip, 0));
        // at least 1 s (30 frames) before the trigger, and less than a keyframe interval (20 frames) more
        assertTrue(first <= 70 && first > 50, "the clip begins at frame " + first);
        List<Double> times = Ffprobe.frameTimes(clip);
        int trigger = (int) (100 - first);
        assertEquals(100, SyntheticFrames.sequenceOf(Ffprobe.frame(clip, trigger)));
        assertEquals(trigger * SyntheticFeed.FRAME_NANOS / 1e9, times.get(trigger) - times.get(0), 0.001);
    }

    @Test
    void anH264CameraIsPassedThroughFromItsFirstKeyframeWithoutAnEncoder() throws Exception {
        // a camera's own H.264 (Annex B, as UVC cameras deliver it), joined mid-way through a keyframe interval
        List<EncodedFrame> stream = H264Frames.encode(60, 20);
        CameraRecorder recorder = new CameraRecorder(registrar, root, H264.as(RecorderSettings::from),
                new EncoderRanking());
        for (int n = 5; n < stream.size(); n++) {
            EncodedFrame unit = stream.get(n);
            byte[] annexB = H264Frames.annexB(unit);
            registrar.deliver(TestFrame.builder(new FrameFormat(320, 240, PixelFormat.H264, 0, annexB.length), annexB)
                    .sequence(n).timestampNanos(unit.timestampNanos()).build());
        }
        RecordingProgress progress = recorder.progress();
        recorder.deactivate();

        List<Path> files = recordings();
        assertEquals(1, files.size());
        // frames 5..19 cannot begin a file: it begins at the keyframe 20, and SPS/PPS come from the camera's stream
        assertEquals(40, VideoProbe.probe(files.get(0)).frames());
        assertEquals(20, SyntheticFrames.sequenceOf(Ffprobe.frame(files.get(0), 0)));
        assertEquals("", Ffprobe.decodeErrors(files.get(0)));
        assertEquals(15, progress.framesSkipped());
        assertEquals(Optional.empty(), progress.lastError());
        assertTrue(VideoFileNames.parse(files.get(0).getFileName().toString()).orElseThrow().isVideo(),
                "retention and the catalog take .mp4 files for videos");
    }

    @Test
    void scrDeactivationReturnsAtOnceAndTheFileIsFinishedOnARecorderThread() throws Exception {
        CameraRecorder recorder = new CameraRecorder(registrar, root, H264.as(RecorderSettings::from),
                H264Frames.openh264());
        feed = SyntheticFeed.timeline("cam0", "bars+box", 320, 240, PixelFormat.YUYV);
        deliver(40);

        recorder.stop();
        deliver(10); // after deactivation began: not taken
        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.fileInUse().isEmpty());

        List<Path> files = recordings();
        assertEquals(1, files.size());
        // the fragment being gathered and the frame held for its duration were written when the file was finished
        assertEquals(40, VideoProbe.probe(files.get(0)).frames());
        assertEquals("", Ffprobe.decodeErrors(files.get(0)));
    }

    private List<Path> recordings() throws IOException {
        Path folder = root.folder("folder", "recordings");
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
