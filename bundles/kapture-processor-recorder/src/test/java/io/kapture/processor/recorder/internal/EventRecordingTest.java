package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.processor.recorder.EventStatus;
import io.kapture.processor.recorder.RecordedFile;
import io.kapture.synthetic.SyntheticFrames;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.SyntheticFeed;

/**
 * Event clips of the synthetic camera on its 30 fps timeline (frame n captured at n × 33.3 ms): which frames a
 * clip holds is read back from the sequence code painted into each decoded frame, so "the clip starts two seconds
 * before the trigger" is checked frame by frame.
 */
class EventRecordingTest extends ProcessorFixture {

    private static final ComponentConfig<Config> EVENTS = ComponentConfig.of(Config.class).with("camera", "cam0")
            .with("mode", "event").with("pre.seconds", 2).with("post.seconds", 1);


    @Test
    void aPulseMakesAClipFromTwoSecondsBeforeToOneSecondAfter() throws Exception {
        CameraRecorder recorder = new CameraRecorder(registrar, root, EVENTS.as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);

        deliver(100); // frames 0..99: only the ring holds them
        assertTrue(files("recordings", ".avi").isEmpty(), "nothing written before a trigger");
        recorder.pulse("doorbell");
        deliver(100); // frames 100..199
        recorder.deactivate();

        List<Path> clips = files("recordings", ".avi");
        assertEquals(1, clips.size());
        assertTrue(clips.get(0).getFileName().toString().matches("cam0-\\d{8}-\\d{6}-\\d{3}\\.doorbell\\.avi"),
                clips.get(0).toString());
        AviFile avi = new AviFile(clips.get(0));
        avi.assertIndexMatchesChunks();
        // the trigger applies at frame 100: the ring holds frames no more than 2 s older (40..99), and the clip
        // ends at the first frame 1 s or more after it (131), which it does not hold
        assertEquals(40, SyntheticFrames.sequenceOf(avi.image(0)));
        assertEquals(130, SyntheticFrames.sequenceOf(avi.image(avi.frames.size() - 1)));
        assertEquals(91, avi.frames.size());
        for (int i = 0; i < avi.frames.size(); i += 15) {
            assertEquals(40 + i, SyntheticFrames.sequenceOf(avi.image(i)), "frame " + i + " of the clip");
        }
        // as a player sees it: the trigger's frame 100, the clip's 61st, plays 2 s in
        List<Double> times = Ffprobe.frameTimes(clips.get(0));
        assertEquals(91, times.size());
        assertEquals(100, SyntheticFrames.sequenceOf(avi.image(60)));
        assertEquals(2.0, times.get(60) - times.get(0), 0.001);
        assertEquals("", Ffprobe.decodeErrors(clips.get(0)));
    }

    @Test
    void motionClipsLastWhileTheMotionDoesAndExtendOnAnotherTrigger() throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, EVENTS.as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "box", 160, 120, PixelFormat.YUYV);

        deliver(90);
        recorder.activityStarted("motion"); // applies at frame 90
        deliver(60);
        recorder.activityEnded(); // at frame 150
        deliver(20);
        recorder.pulse("doorbell"); // at frame 170, within the post time: extends the motion clip
        deliver(100);
        recorder.deactivate();

        List<Path> clips = files("recordings", ".avi");
        assertEquals(1, clips.size(), clips.toString());
        assertTrue(clips.get(0).toString().endsWith(".motion.avi"), clips.get(0).toString());
        AviFile avi = new AviFile(clips.get(0));
        assertEquals(30, SyntheticFrames.sequenceOf(avi.image(0)));
        assertEquals(200, SyntheticFrames.sequenceOf(avi.image(avi.frames.size() - 1)), "1 s after frame 170");
        assertEquals(1, recorder.progress().events().orElseThrow().clips());
    }

    @Test
    void theRingIsBoundedByBytesAndCountsWhatThatCostThePreRoll() throws IOException {
        ComponentConfig<Config> config = EVENTS.with("pre.seconds", 10).with("preroll.max.mb", 1)
                .with("jpeg.quality", 1.0);
        CameraRecorder recorder = new CameraRecorder(registrar, root, config.as(RecorderSettings::from));
        // noise hardly compresses: a few hundred kB a frame, so 1 MB holds a handful of the 10 s asked for
        feed = SyntheticFeed.timeline("cam0", "noise", 640, 480, PixelFormat.RGB24);

        deliver(20);
        EventStatus status = recorder.progress().events().orElseThrow();
        recorder.deactivate();

        assertTrue(status.ringBytes() <= 1_000_000, status.line());
        assertTrue(status.ringFrames() >= 1 && status.ringFrames() < 10, status.line());
        assertEquals(20 - status.ringFrames(), status.ringDropped(), status.line());
        assertEquals(Optional.empty(), status.clipTrigger());
        assertTrue(recorder.progress().line().contains("dropped for memory"), recorder.progress().line());
    }

    @Test
    void theServiceListsClipsWithTheirTriggerAndTriggersByCamera() throws IOException {
        RecordingsService service = new RecordingsService(root.path());
        CameraRecorder recorder = new CameraRecorder(registrar, root, EVENTS.as(RecorderSettings::from));
        service.addRecorder(recorder);
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);
        deliver(70);

        assertEquals(0, service.trigger("other", "x"));
        assertEquals(1, service.trigger("cam0", "front door!"));
        deliver(10);
        List<RecordedFile> writing = service.files();
        deliver(40);
        recorder.deactivate();
        List<RecordedFile> done = service.files();

        assertEquals(1, writing.size());
        assertTrue(writing.get(0).writing());
        RecordedFile clip = done.get(0);
        assertEquals("cam0", clip.camera());
        assertEquals(Optional.of("front_door_"), clip.trigger());
        assertEquals(Files.size(Path.of(clip.path())), clip.bytes());
        assertEquals(91, clip.frames());
        assertEquals(3000, clip.durationMillis(), 50);
        assertTrue(!clip.writing());
    }

}
