package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.kapture.api.CaptureSession;
import io.kapture.api.DropPolicy;
import io.kapture.api.SessionState;
import io.kapture.processor.recorder.RecordedFile;
import io.kapture.processor.recorder.RecordingEvents;
import io.kapture.processor.recorder.Recordings;

/**
 * The recorder in the distribution, against its synthetic camera: H.264 in MP4 files (format h264, encoded by the
 * distribution's OpenH264) that ffprobe reads back; event clips that begin before their trigger
 * (checked with ffprobe's frame times and the sequence codes in the frames), triggered from the shell, by
 * EventAdmin and by motion events, and told to an EventAdmin handler (STARTED, FINISHED with the file's figures); retention under a tiny size limit;
 * the recorder's and retention's figures on {@code /kapture/metrics}; a storage folder that vanishes under a
 * running recorder; a disk that fills up (a 1 MiB tmpfs mounted over the recorder's folder: the tests run as
 * root, as the build does here).
 *
 * <p>Threading contract: see {@link KaptureTestSupport}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureRecordingsIT extends KaptureTestSupport {

    private static final String RECORDER_PID = "io.kapture.processor.recorder";
    private static final String RETENTION_PID = "io.kapture.storage.retention";

    @Inject
    private SessionFactory sessionFactory;

    @Test
    public void aClipTriggeredFromTheShellBeginsTwoSecondsBeforeTheTrigger() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        Configuration configuration = configureEventRecorder("itest-shell");
        try (RecordingListener frames = RecordingListener.register(context, SYNTHETIC_CAMERA,
                DropPolicy.DROP_OLDEST, 4)) {
            Recordings recordings = awaitRingFull();
            await("frames seen").atMost(TIMEOUT).until(() -> frames.count() > 0);
            List<RecordingListener.Seen> seen = frames.frames();
            long atTrigger = seen.get(seen.size() - 1).sequence();

            ShellOutput triggered = run("kapture:trigger " + SYNTHETIC_CAMERA + " itest");
            assertTrue(triggered.toString(),
                    triggered.out().contains("Triggered 1 event recorder of camera synthetic"));

            RecordedFile clip = awaitFinishedClip(recordings, "itest-shell", "itest");
            List<Long> codes = ClipProbe.sequenceCodes(Path.of(clip.path()));
            List<Double> times = ClipProbe.frameTimes(Path.of(clip.path()));
            assertEquals("ffprobe plays every frame in the file", codes.size(), times.size());
            for (int i = 1; i < codes.size(); i++) {
                assertTrue("frame " + i + " of " + codes, codes.get(i) > codes.get(i - 1));
            }
            int triggerFrame = 0;
            while (triggerFrame < codes.size() && codes.get(triggerFrame) < atTrigger) {
                triggerFrame++;
            }
            assertTrue("the clip starts before sequence " + atTrigger + ": " + codes, triggerFrame > 0);
            double preRoll = times.get(triggerFrame) - times.get(0);
            assertTrue("frame " + atTrigger + " plays " + preRoll + " s into the clip, about 2 s: " + times,
                    preRoll >= 1.5 && preRoll <= 2.8);
            ShellOutput listed = run("kapture:recordings " + SYNTHETIC_CAMERA);
            assertTrue(listed.toString(), listed.out().contains(clip.path()));
            assertTrue(listed.toString(), listed.out().contains("itest"));
        } finally {
            configuration.delete();
        }
    }

    @Test
    public void eventAdminTriggersAndMotionEventsMakeClipsNamedByTheirTrigger() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        Configuration configuration = configureEventRecorder("itest-events");
        List<Event> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        // the recorder's own events, through the distribution's Felix EventAdmin, as a user's bundle gets them
        org.osgi.framework.ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class,
                told::add, new java.util.Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, RecordingEvents.TOPIC_ALL,
                        EventConstants.EVENT_FILTER, "(camera=" + SYNTHETIC_CAMERA + ")")));
        try {
            Recordings recordings = awaitRingFull();
            EventAdmin events = service(EventAdmin.class);
            events.postEvent(new Event(Recordings.TOPIC_TRIGGER, Map.of(Recordings.EVENT_CAMERA, SYNTHETIC_CAMERA,
                    Recordings.EVENT_TRIGGER, "doorbell")));
            RecordedFile doorbell = awaitFinishedClip(recordings, "itest-events", "doorbell");
            await("the doorbell clip's FINISHED event").atMost(TIMEOUT).until(() -> told.stream()
                    .anyMatch(e -> e.getTopic().equals(RecordingEvents.TOPIC_FINISHED)
                            && doorbell.path().equals(e.getProperty(RecordingEvents.PATH))));
            List<Event> clipEvents = told.stream()
                    .filter(e -> doorbell.path().equals(e.getProperty(RecordingEvents.PATH))).toList();
            assertEquals(List.of(RecordingEvents.TOPIC_STARTED, RecordingEvents.TOPIC_FINISHED),
                    clipEvents.stream().map(Event::getTopic).toList());
            Event finished = clipEvents.get(1);
            assertEquals(finished.toString(), "doorbell", finished.getProperty(RecordingEvents.TRIGGER));
            assertEquals(finished.toString(), "clip-ended", finished.getProperty(RecordingEvents.REASON));
            assertEquals(finished.toString(), Files.size(Path.of(doorbell.path())),
                    finished.getProperty(RecordingEvents.BYTES));
            assertEquals(finished.toString(), doorbell.frames(), finished.getProperty(RecordingEvents.FRAMES));
            // the ring fills again after a clip: the frames in the clip are not kept twice
            awaitRingFull();

            events.postEvent(new Event("io/kapture/motion/START", Map.of("camera", SYNTHETIC_CAMERA)));
            await("a motion clip being written").atMost(TIMEOUT).until(() -> clipTrigger(recordings)
                    .equals(Optional.of("motion")));
            events.postEvent(new Event("io/kapture/motion/END", Map.of("camera", SYNTHETIC_CAMERA)));
            RecordedFile motion = awaitFinishedClip(recordings, "itest-events", "motion");
            assertTrue("2 s of pre-roll and 1 s after the end: " + motion, motion.durationMillis() >= 2500);
        } finally {
            handler.unregister();
            configuration.delete();
        }
    }

    @Test
    public void anH264RecorderWritesMp4FilesThatFfprobeReads() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        Configuration recording = configureRecorder("itest-h264", "format", "h264", "rotate.duration.seconds", 2);
        Path folder = storageRoot().resolve("itest-h264");
        try {
            Recordings recordings = service(Recordings.class);
            await("a finished H.264 file").atMost(TIMEOUT).until(() -> finishedIn(recordings, folder).isPresent());
            RecordedFile file = finishedIn(recordings, folder).orElseThrow();
            assertTrue(file.path(), file.path().endsWith(".mp4"));
            Map<String, String> stream = MediaFiles.probe(Path.of(file.path()));
            assertEquals(stream.toString(), "h264", stream.get("codec_name"));
            assertEquals("640", stream.get("width"));
            assertEquals("480", stream.get("height"));
            long played = Long.parseLong(stream.get("nb_read_frames"));
            // a loaded machine's encoder may skip frames (the recorder's queue drops the oldest), never all of them
            assertTrue(stream.toString(), played > 0);
            assertEquals("the catalog counts what ffprobe plays", file.frames(), played);
            assertTrue("the file spans its 2 s: " + file, file.durationMillis() >= 1500);
            assertEquals("", MediaFiles.decodeErrors(Path.of(file.path())));
            assertTrue(recordings.recordings(SYNTHETIC_CAMERA).stream()
                    .allMatch(progress -> progress.lastError().isEmpty()));
        } finally {
            recording.delete();
        }
        // the file being written when the recorder stopped is finished and plays too
        await("every file finished").atMost(TIMEOUT).until(() -> service(Recordings.class).files().stream()
                .filter(file -> Path.of(file.path()).startsWith(folder)).noneMatch(RecordedFile::writing));
        for (Path file : MediaFiles.list(folder, ".mp4")) {
            assertEquals(file.toString(), "", MediaFiles.decodeErrors(file));
        }
    }

    private static Optional<RecordedFile> finishedIn(Recordings recordings, Path folder) {
        return recordings.files().stream().filter(file -> !file.writing() && Path.of(file.path()).startsWith(folder))
                .findFirst();
    }

    @Test
    public void retentionUnderATinySizeLimitKeepsTheNewestAndTheFileBeingWritten() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        Configuration recording = configureRecorder("itest-retention", "rotate.duration.seconds", 1);
        Configuration retention = null;
        Path folder = storageRoot().resolve("itest-retention");
        try {
            await("four files").atMost(TIMEOUT).until(() -> MediaFiles.list(folder, ".avi").size() >= 4);
            List<Path> before = MediaFiles.list(folder, ".avi");
            retention = configurationAdmin.getConfiguration(RETENTION_PID, "?");
            retention.update(dictionary(Map.of("max.size.mb", 1, "interval.seconds", 1)));
            Recordings recordings = service(Recordings.class);
            await("retention deleted files").atMost(TIMEOUT)
                    .until(() -> recordings.retention().deletedBySize() >= 3);

            List<Path> kept = MediaFiles.list(folder, ".avi");
            List<Path> deleted = before.stream().filter(file -> !kept.contains(file)).toList();
            assertFalse("deleted some of " + before, deleted.isEmpty());
            assertTrue("kept " + kept + ", newer than every deleted " + deleted,
                    kept.get(0).getFileName().toString().compareTo(
                            deleted.get(deleted.size() - 1).getFileName().toString()) > 0);
            // the file being written is there: read while the recorder names the same file before and after
            await("the open file, seen between two rotations").atMost(TIMEOUT).until(() -> {
                Optional<String> open = recordings.recordings(SYNTHETIC_CAMERA).get(0).file();
                boolean exists = open.map(file -> Files.exists(Path.of(file))).orElse(false);
                Optional<String> still = recordings.recordings(SYNTHETIC_CAMERA).get(0).file();
                assertTrue("the file being written " + open + " exists", exists || !open.equals(still));
                return open.isPresent() && open.equals(still);
            });
            assertTrue(recordings.files().toString(), recordings.files().stream().anyMatch(RecordedFile::writing));
            assertEquals(Optional.empty(), recordings.recordings(SYNTHETIC_CAMERA).get(0).lastError());
            ShellOutput listed = run("kapture:recordings");
            assertTrue(listed.toString(), listed.out().contains("retention (size 1 MB): "));
            assertTrue(listed.toString(), listed.out().matches("(?s).*files deleted \\(\\d+ age, [1-9]\\d* size.*"));
        } finally {
            recording.delete();
            if (retention != null) {
                retention.delete();
            }
        }
    }

    /**
     * A continuous recorder rotating every second under a 1 MB retention limit, seen on {@code /kapture/metrics}
     * over HTTP: writing and not failing, its finished files and retention's deleted files and bytes rising from
     * one scrape to a later one, the storage and disk figures there, no file path in any label, and promtool
     * accepting the page.
     */
    @Test
    public void theRecordersAndRetentionsCountersRiseOnTheMetricsPage() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        Configuration recording = configureRecorder("itest-metrics", "rotate.duration.seconds", 1);
        Configuration retention = configurationAdmin.getConfiguration(RETENTION_PID, "?");
        String series = "{camera=\"" + SYNTHETIC_CAMERA + "\",kind=\"continuous\"}";
        String finished = "kapture_recorder_files_finished_total" + series;
        String deleted = "kapture_storage_retention_deleted_files_total{reason=\"size\"}";
        String freed = "kapture_storage_retention_deleted_bytes_total";
        try {
            retention.update(dictionary(Map.of("max.size.mb", 1, "interval.seconds", 1)));
            String first = await("a finished file and a retention deletion on the metrics").atMost(TIMEOUT)
                    .until(this::scrapeMetrics, text -> MetricsPage.value(text, finished) >= 1
                            && MetricsPage.value(text, deleted) >= 1);
            await("more files finished and deleted in a later scrape").atMost(TIMEOUT)
                    .until(this::scrapeMetrics, text -> MetricsPage.value(text, finished)
                            > MetricsPage.value(first, finished) && MetricsPage.value(text, deleted)
                            > MetricsPage.value(first, deleted) && MetricsPage.value(text, freed)
                            > MetricsPage.value(first, freed));
            String text = scrapeMetrics();
            assertEquals(text, 0, MetricsPage.value(text, "kapture_recorder_failing" + series), 0);
            assertEquals(text, 1, MetricsPage.value(text, "kapture_recorder_state{camera=\"" + SYNTHETIC_CAMERA
                    + "\",kind=\"continuous\",state=\"writing\"}"), 0);
            assertTrue(text, MetricsPage.value(text, "kapture_storage_bytes") > 0);
            double disk = MetricsPage.value(text, "kapture_storage_disk_size_bytes");
            double available = MetricsPage.value(text, "kapture_storage_disk_available_bytes");
            assertTrue(text, disk > 0 && available > 0 && available <= disk
                    && MetricsPage.value(text, "kapture_storage_disk_used_bytes") > 0);
            assertTrue(text, MetricsPage.value(text, "kapture_storage_retention_last_pass_timestamp_seconds") > 0);
            assertTrue(text, text.contains("kapture_storage_retention_info{limits=\"size 1 MB\"} 1\n"));
            assertFalse(text, text.contains("itest-metrics"));
            MetricsPage.assertPassesPromtool(text);
        } finally {
            recording.delete();
            retention.delete();
        }
    }

    @Test
    public void aVanishedFolderIsReportedTheCameraRunsOnAndRecordingResumes() throws Exception {
        CaptureSession camera = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        Configuration recording = configureRecorder("itest-vanish");
        Path folder = storageRoot().resolve("itest-vanish");
        try {
            Recordings recordings = service(Recordings.class);
            await("recording").atMost(TIMEOUT).until(() -> !MediaFiles.list(folder, ".avi").isEmpty());
            try (Stream<Path> tree = Files.walk(folder)) {
                tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            await("the recorder notices").atMost(TIMEOUT).until(() -> recordings.recordings(SYNTHETIC_CAMERA)
                    .get(0).lastError().orElse("").contains("vanished while being written"));
            long captured = camera.stats().captured();
            assertEquals(SessionState.RUNNING, camera.state());
            await("a new file in the folder made again").atMost(TIMEOUT)
                    .until(() -> !MediaFiles.list(folder, ".avi").isEmpty());
            assertTrue("the camera went on capturing", camera.stats().captured() > captured);
        } finally {
            recording.delete();
        }
    }

    @Test
    public void aDiskFullMidFileClosesItCleanlyAndNothingElseNotices() throws Exception {
        CaptureSession camera = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        Path folder = storageRoot().resolve("itest-full");
        Files.createDirectories(folder);
        // a real full disk: 1 MiB of tmpfs over the recorder's folder (the build runs as root here)
        try (TmpfsMount disk = TmpfsMount.ofSize(folder, "1m")) {
            recordUntilTheDiskIsFull(camera, folder);
        }
    }

    /** Records the synthetic camera into {@code folder} on a tiny disk until it is full, then checks the file. */
    private void recordUntilTheDiskIsFull(CaptureSession camera, Path folder) throws Exception {
        Configuration recording = configureRecorder("itest-full", "jpeg.quality", 1.0);
        try (RecordingListener frames = RecordingListener.register(context, SYNTHETIC_CAMERA,
                DropPolicy.DROP_OLDEST, 4)) {
            Recordings recordings = service(Recordings.class);
            await("the disk fills up").atMost(TIMEOUT).until(() -> recordings.recordings(SYNTHETIC_CAMERA).stream()
                    .anyMatch(progress -> progress.lastError().orElse("").contains("No space left on device")));
            // what an operator's alert sees: the recorder failing on /kapture/metrics, over HTTP
            String failing = "kapture_recorder_failing{camera=\"" + SYNTHETIC_CAMERA + "\",kind=\"continuous\"}";
            await("the recorder failing on the metrics page").atMost(TIMEOUT)
                    .until(() -> MetricsPage.value(scrapeMetrics(), failing) == 1);
            int seen = frames.count();
            await("another listener goes on receiving frames").atMost(TIMEOUT).until(() -> frames.count() > seen + 30);
            assertEquals(SessionState.RUNNING, camera.state());
            Path file = MediaFiles.list(folder, ".avi").get(0);
            await("the full file is closed").atMost(TIMEOUT).until(() -> recordings.files().stream()
                    .anyMatch(recorded -> recorded.path().equals(file.toString()) && !recorded.writing()));
            // closed cleanly: the RIFF size is the file's (with the index, or, when even that found no room,
            // without it after the last whole frame)
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(bytes.length, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(4) + 8);
            List<Double> times = ClipProbe.frameTimes(file);
            assertEquals(ClipProbe.sequenceCodes(file).size(), times.size());
            assertTrue(times.toString(), !times.isEmpty());
        } finally {
            recording.delete();
        }
    }

    private Recordings awaitRingFull() {
        Recordings recordings = service(Recordings.class);
        await("two seconds of pre-roll").atMost(TIMEOUT).until(() -> recordings.recordings(SYNTHETIC_CAMERA)
                .stream().anyMatch(progress -> progress.events().map(e -> e.ringMillis() >= 1900).orElse(false)));
        return recordings;
    }

    private static Optional<String> clipTrigger(Recordings recordings) {
        return recordings.recordings(SYNTHETIC_CAMERA).stream().flatMap(progress -> progress.events().stream())
                .flatMap(events -> events.clipTrigger().stream()).findFirst();
    }

    private RecordedFile awaitFinishedClip(Recordings recordings, String folder, String trigger) {
        Path in = storageRoot().resolve(folder);
        await("a finished clip " + trigger).atMost(TIMEOUT).until(() -> recordings.files().stream()
                .anyMatch(file -> clipIn(file, in, trigger)));
        return recordings.files().stream().filter(file -> clipIn(file, in, trigger)).findFirst().orElseThrow();
    }

    private static boolean clipIn(RecordedFile file, Path folder, String trigger) {
        return !file.writing() && file.trigger().equals(Optional.of(trigger))
                && Path.of(file.path()).startsWith(folder);
    }

    /** An event recorder of the synthetic camera: 2 s of pre-roll, 1 s after the trigger. */
    private Configuration configureEventRecorder(String folder) throws IOException {
        return configureRecorder(folder, "mode", "event", "pre.seconds", 2, "post.seconds", 1);
    }

    /**
     * A recorder of the synthetic camera, configuration {@code io.kapture.processor.recorder~<folder>}, writing to
     * {@code folder} under the storage root; {@code extra}: further keys and values, in pairs.
     */
    private Configuration configureRecorder(String folder, Object... extra) throws IOException {
        Map<String, Object> recorder = new HashMap<>();
        recorder.put("camera", SYNTHETIC_CAMERA);
        recorder.put("folder", folder);
        for (int i = 0; i < extra.length; i += 2) {
            recorder.put((String) extra[i], extra[i + 1]);
        }
        return configure(RECORDER_PID, folder, recorder);
    }

    private String scrapeMetrics() throws IOException {
        return MetricsPage.scrape(configuredPort("org.ops4j.pax.web", "org.osgi.service.http.port"));
    }

    private ShellOutput run(String command) throws Exception {
        return ShellOutput.of(command).run(sessionFactory);
    }
}
