package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.kapture.api.PixelFormat;
import io.kapture.processor.recorder.RecordingEvents;
import io.kapture.synthetic.SyntheticFrames;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/**
 * The recorder's EventAdmin events ({@link RecordingEvents}) for the synthetic camera on its 30 fps timeline
 * (frame n captured at n × 33.3 ms, wall clock {@link TestFrame#EPOCH_MILLIS} plus that): each file's STARTED and
 * FINISHED with the figures the file itself has (read back as AVI; an MP4's size), a clip's EXTENDED, and why it ended: rotation, its recorder
 * stopping, its clip ending, a write failing; a file that cannot be begun is FAILED. Every event is posted (never
 * sent) and outside the recorder's lock.
 */
class RecordingEventsTest extends ProcessorFixture {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    private CameraRecorder recorder;
    private final PostedEvents posted = new PostedEvents();

    @Test
    void rotatedSegmentsAndTheLastOneStoppedAreToldWithTheFiguresOfTheirFiles() throws IOException {
        start(CAM0.with("rotate.duration.seconds", 1));
        feed = SyntheticFeed.timeline("cam0", "box", 160, 120, PixelFormat.GREY);

        deliver(100);
        recorder.deactivate();

        List<Path> files = files("recordings", ".avi");
        assertEquals(4, files.size());
        assertEquals(List.of(RecordingEvents.TOPIC_STARTED, RecordingEvents.TOPIC_FINISHED,
                RecordingEvents.TOPIC_STARTED, RecordingEvents.TOPIC_FINISHED, RecordingEvents.TOPIC_STARTED,
                RecordingEvents.TOPIC_FINISHED, RecordingEvents.TOPIC_STARTED, RecordingEvents.TOPIC_FINISHED),
                posted.topics());
        List<Event> finished = posted.on(RecordingEvents.TOPIC_FINISHED);
        assertEquals(List.of("rotated", "rotated", "rotated", "stopped"),
                finished.stream().map(e -> e.getProperty(RecordingEvents.REASON)).toList());
        for (int i = 0; i < 4; i++) {
            Event started = posted.on(RecordingEvents.TOPIC_STARTED).get(i);
            Event done = finished.get(i);
            Path file = files.get(i);
            AviFile avi = new AviFile(file);
            long firstFrame = SyntheticFrames.sequenceOf(avi.image(0));
            long startMillis = TestFrame.EPOCH_MILLIS + firstFrame * SyntheticFeed.FRAME_NANOS / 1_000_000;
            for (Event event : List.of(started, done)) {
                assertEquals("cam0", event.getProperty(RecordingEvents.CAMERA));
                assertEquals(file.toString(), event.getProperty(RecordingEvents.PATH));
                assertEquals(file.getFileName().toString(), event.getProperty(RecordingEvents.FILE));
                assertEquals("avi", event.getProperty(RecordingEvents.FORMAT));
                assertEquals("continuous", event.getProperty(RecordingEvents.KIND));
                assertNull(event.getProperty(RecordingEvents.TRIGGER));
                assertEquals(startMillis, event.getProperty(RecordingEvents.START_MILLIS));
                assertTrue(event.getProperty("timestamp") instanceof Long);
            }
            long frames = avi.frames.size();
            long durationMillis = (frames - 1) * SyntheticFeed.FRAME_NANOS / 1_000_000;
            assertEquals(frames, done.getProperty(RecordingEvents.FRAMES), file.toString());
            assertEquals(durationMillis, done.getProperty(RecordingEvents.DURATION_MILLIS));
            assertEquals(startMillis + durationMillis, done.getProperty(RecordingEvents.END_MILLIS));
            assertEquals(Files.size(file), done.getProperty(RecordingEvents.BYTES), "the closed file's size");
            assertNull(done.getProperty(RecordingEvents.ERROR));
        }
        assertEquals(List.of(31L, 31L, 31L, 7L),
                finished.stream().map(e -> e.getProperty(RecordingEvents.FRAMES)).toList());
        assertEquals(List.of(), posted.problems);
    }

    @Test
    void h264FilesAreToldAsMp4WithTheSizeTheyHaveOnDisk() throws IOException {
        recorder = new CameraRecorder(registrar, root, CAM0.with("format", "h264").with("rotate.duration.seconds", 2)
                .with("h264.keyframe.interval", 45).as(RecorderSettings::from), H264Frames.openh264());
        recorder.setEventAdmin(posted);
        feed = SyntheticFeed.timeline("cam0", "bars+box", 320, 240, PixelFormat.YUYV);

        deliver(120);
        recorder.deactivate();

        List<Path> files = files("recordings", "");
        List<Event> finished = posted.on(RecordingEvents.TOPIC_FINISHED);
        assertEquals(2, files.size(), files.toString());
        assertEquals(2, finished.size());
        // the rotation due at frame 61 waits for the keyframe asked for, which frame 62 is (H264RecordingTest)
        assertEquals(List.of(62L, 58L), finished.stream().map(e -> e.getProperty(RecordingEvents.FRAMES)).toList());
        assertEquals(List.of("rotated", "stopped"),
                finished.stream().map(e -> e.getProperty(RecordingEvents.REASON)).toList());
        for (int i = 0; i < 2; i++) {
            assertEquals(files.get(i).toString(), finished.get(i).getProperty(RecordingEvents.PATH));
            assertEquals("mp4", finished.get(i).getProperty(RecordingEvents.FORMAT));
            assertEquals(Files.size(files.get(i)), finished.get(i).getProperty(RecordingEvents.BYTES));
        }
        assertEquals(List.of(), posted.problems);
    }

    @Test
    void aClipIsStartedWithItsTriggerAndItsPreRollAndFinishedWhenItEnds() throws IOException {
        start(CAM0.with("mode", "event").with("pre.seconds", 2).with("post.seconds", 1));
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);

        deliver(100);
        assertEquals(List.of(), posted.topics(), "nothing is recorded before a trigger");
        recorder.pulse("doorbell"); // applies at frame 100: the clip holds frames 40 to 130
        deliver(100);
        recorder.deactivate();

        assertEquals(List.of(RecordingEvents.TOPIC_STARTED, RecordingEvents.TOPIC_FINISHED), posted.topics(),
                "the clip ended before the recorder stopped: no further event");
        Event started = posted.events.get(0);
        Event finished = posted.events.get(1);
        Path clip = files("recordings", ".avi").get(0);
        long startMillis = TestFrame.EPOCH_MILLIS + 40 * SyntheticFeed.FRAME_NANOS / 1_000_000;
        for (Event event : List.of(started, finished)) {
            assertEquals("event", event.getProperty(RecordingEvents.KIND));
            assertEquals("doorbell", event.getProperty(RecordingEvents.TRIGGER));
            assertEquals(clip.toString(), event.getProperty(RecordingEvents.PATH));
            assertEquals(startMillis, event.getProperty(RecordingEvents.START_MILLIS), "the pre-roll's first frame");
        }
        assertEquals("clip-ended", finished.getProperty(RecordingEvents.REASON));
        assertEquals(91L, finished.getProperty(RecordingEvents.FRAMES));
        assertEquals(90 * SyntheticFeed.FRAME_NANOS / 1_000_000, finished.getProperty(RecordingEvents.DURATION_MILLIS));
        assertEquals(Files.size(clip), finished.getProperty(RecordingEvents.BYTES));
        assertEquals(List.of(), posted.problems);
    }

    @Test
    void aTriggerDuringAClipIsToldAsItsExtension() throws IOException {
        start(CAM0.with("mode", "event").with("pre.seconds", 2).with("post.seconds", 1));
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);

        deliver(100);
        recorder.pulse("doorbell"); // applies at frame 100
        deliver(10);
        recorder.activityStarted("motion"); // at frame 110, during the clip
        deliver(10);
        recorder.activityEnded(); // at frame 120: the clip ends at frame 151, the first 1 s or more later
        deliver(60);
        recorder.deactivate();

        assertEquals(List.of(RecordingEvents.TOPIC_STARTED, RecordingEvents.TOPIC_EXTENDED,
                RecordingEvents.TOPIC_FINISHED), posted.topics());
        Event extended = posted.events.get(1);
        assertEquals(files("recordings", ".avi").get(0).toString(), extended.getProperty(RecordingEvents.PATH));
        assertEquals("doorbell", extended.getProperty(RecordingEvents.TRIGGER), "the clip's own trigger");
        assertEquals("motion", extended.getProperty(RecordingEvents.EXTENDED_BY));
        assertEquals(TestFrame.EPOCH_MILLIS + 110 * SyntheticFeed.FRAME_NANOS / 1_000_000,
                extended.getProperty(RecordingEvents.EXTENDED_MILLIS));
        assertEquals(111L, posted.events.get(2).getProperty(RecordingEvents.FRAMES), "frames 40 to 150");
        assertEquals(List.of(), posted.problems);
    }

    @Test
    void aFailedWriteFinishesTheFileWithTheErrorAndAFileThatCannotBeBegunIsFailed() throws IOException {
        start(CAM0);
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);
        Path folder = root.path().resolve("recordings");

        deliver(30);
        Path first = recorder.fileInUse().orElseThrow();
        deleteFolder("recordings");
        Files.writeString(folder, "a file where the folder was"); // the retry cannot make the folder again
        deliver(150 + 301); // the checkpoint at frame 151 finds the file gone; the retry 10 s later fails
        recorder.deactivate();

        assertEquals(List.of(RecordingEvents.TOPIC_STARTED, RecordingEvents.TOPIC_FINISHED,
                RecordingEvents.TOPIC_FAILED), posted.topics());
        Event finished = posted.events.get(1);
        assertEquals(first.toString(), finished.getProperty(RecordingEvents.PATH));
        assertEquals("error", finished.getProperty(RecordingEvents.REASON));
        String error = (String) finished.getProperty(RecordingEvents.ERROR);
        assertTrue(error.contains(first + " vanished while being written"), error);
        assertEquals(152L, finished.getProperty(RecordingEvents.FRAMES), "frames 0 to 151: the check follows the write");
        Event failed = posted.events.get(2);
        assertEquals("cam0", failed.getProperty(RecordingEvents.CAMERA));
        assertNull(failed.getProperty(RecordingEvents.PATH));
        String refused = (String) failed.getProperty(RecordingEvents.ERROR);
        assertTrue(refused.startsWith("starting a file in folder 'recordings'"), refused);
        assertEquals(recorder.progress().lastError().orElseThrow(), refused, "as kapture:recordings says");
        assertEquals(List.of(), posted.problems);
    }

    @Test
    void withoutEventAdminTheRecorderRecordsAllTheSame() throws IOException {
        start(CAM0);
        recorder.unsetEventAdmin(posted);
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);

        deliver(30);
        recorder.setEventAdmin(posted); // bound again: the file begun meanwhile is finished with an event
        deliver(30);
        recorder.deactivate();

        assertEquals(List.of(RecordingEvents.TOPIC_FINISHED), posted.topics());
        assertEquals(60L, posted.events.get(0).getProperty(RecordingEvents.FRAMES));
        assertEquals(60, new AviFile(files("recordings", ".avi").get(0)).frames.size());
    }

    private void start(ComponentConfig<Config> config) throws IOException {
        recorder = new CameraRecorder(registrar, root, config.as(RecorderSettings::from));
        recorder.setEventAdmin(posted);
    }


    /**
     * EventAdmin as the recorder sees it: keeps what is posted, and checks on each post that the recorder's lock
     * is free (another thread asks for its progress, which takes the lock) and that nothing is sent synchronously.
     */
    private final class PostedEvents implements EventAdmin {

        final List<Event> events = new CopyOnWriteArrayList<>();
        final List<String> problems = new CopyOnWriteArrayList<>();

        @Override
        public void postEvent(Event event) {
            events.add(event);
            try {
                CompletableFuture.supplyAsync(recorder::progress).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                problems.add(event.getTopic() + " posted while the recorder's lock was held: " + e);
            }
        }

        @Override
        public void sendEvent(Event event) {
            problems.add(event.getTopic() + " sent: a handler would hold up the recording");
        }

        List<String> topics() {
            return events.stream().map(Event::getTopic).toList();
        }

        List<Event> on(String topic) {
            List<Event> matching = new ArrayList<>();
            for (Event event : events) {
                if (event.getTopic().equals(topic)) {
                    matching.add(event);
                }
            }
            return matching;
        }
    }
}
