package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.kapture.api.CaptureSession;
import io.kapture.api.FramePool;
import io.kapture.api.ListenerStats;
import io.kapture.api.SessionState;

/**
 * The snapshot, motion and recorder processors in the distribution: each is taken out, hot-deployed while the
 * synthetic camera streams, configured through ConfigurationAdmin, seen doing its work, and removed again, and
 * the camera never notices (see {@link CaptureWatch}). The browser preview gets the same treatment in
 * {@link KapturePreviewIT}; two classes, two container boots, to keep each class readable.
 *
 * <p>Everything the tests know of the processors is their public contract: factory PIDs, configuration keys,
 * file names under the storage directory, EventAdmin topics and listener names. No class of theirs is loaded,
 * so hot-deploying them never rewires the test. Threading contract: see {@link KaptureTestSupport}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureProcessorsIT extends KaptureTestSupport {

    private static final String SNAPSHOT_BUNDLE = "io.kapture.kapture-processor-snapshot";
    private static final String MOTION_BUNDLE = "io.kapture.kapture-processor-motion";
    private static final String RECORDER_BUNDLE = "io.kapture.kapture-processor-recorder";
    /** Leaves out the frame's top 10 %: the synthetic camera's sequence code and digits change on every frame. */
    private static final String BELOW_THE_CODE = "0,10,100,90";

    @Inject
    private FeaturesService features;

    @Test
    public void everyProcessorFeatureIsInstalled() throws Exception {
        for (String feature : List.of("kapture-snapshot", "kapture-motion", "kapture-recorder", "kapture-processors",
                "kapture-web")) {
            assertTrue(feature + " is installed", features.isInstalled(features.getFeature(feature)));
        }
    }

    @Test
    public void snapshotsAppearInTheStorageDirectoryAndRetentionKeepsTheNewest() throws Exception {
        CaptureSession camera = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        HotDeployment snapshot = HotDeployment.take(this, SNAPSHOT_BUNDLE);
        Configuration configuration = null;
        try (CaptureWatch watch = CaptureWatch.start(context, camera)) {
            snapshot.install();
            Map<String, Object> properties = new HashMap<>();
            properties.put("camera", SYNTHETIC_CAMERA);
            properties.put("interval.seconds", 1);
            properties.put("folder", "itest-snapshots");
            properties.put("format", "jpeg");
            properties.put("retention", 3);
            configuration = configure("io.kapture.processor.snapshot", "itest", properties);

            Path folder = storageRoot().resolve("itest-snapshots");
            Set<Path> written = new HashSet<>();
            await("five snapshots, never more than three kept").atMost(TIMEOUT).untilAsserted(() -> {
                List<Path> kept = MediaFiles.list(folder, ".jpg");
                assertTrue("retention 3 keeps " + kept, kept.size() <= 3);
                written.addAll(kept);
                assertTrue("snapshots written so far: " + written, written.size() >= 5);
            });
            assertTrue(listenerStats(camera, "snapshot:" + SYNTHETIC_CAMERA).isPresent());

            configuration.delete();
            configuration = null;
            await("snapshot listener gone").atMost(TIMEOUT)
                    .until(() -> listenerStats(camera, "snapshot:" + SYNTHETIC_CAMERA).isEmpty());
            List<Path> kept = MediaFiles.list(folder, ".jpg");
            assertEquals("snapshots kept: " + kept, 3, kept.size());
            for (Path file : kept) {
                assertTrue(file + " is named after the camera", file.getFileName().toString()
                        .startsWith(SYNTHETIC_CAMERA + "-"));
                assertTrue(file + " is a 640x480 JPEG", MediaFiles.isJpeg(Files.readAllBytes(file), 640, 480));
            }
            snapshot.uninstall();
            watch.assertUninterrupted(service(FramePool.class), TIMEOUT);
        } finally {
            deleteQuietly(configuration);
            snapshot.restore();
        }
    }

    @Test
    public void motionStartsOnTheMovingBoxAndStaysSilentOnAStillPattern() throws Exception {
        CaptureSession camera = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        HotDeployment motion = HotDeployment.take(this, MOTION_BUNDLE);
        String stillCamera = "stillcam";
        Configuration still = null;
        Configuration watchMoving = null;
        Configuration watchStill = null;
        try (CaptureWatch watch = CaptureWatch.start(context, camera);
                MotionEventLog events = MotionEventLog.register(context)) {
            // a device of its own: cameras on one synthetic device share its controls, the test pattern among them
            Map<String, Object> bars = new HashMap<>();
            bars.put("device", "synthetic:still");
            bars.put("width", 640);
            bars.put("height", 480);
            bars.put("fps", 15.0);
            bars.put("synthetic.pattern", "bars");
            still = configureCamera(stillCamera, bars);
            CaptureSession stillSession = awaitSession(stillCamera, SessionState.RUNNING);

            motion.install();
            watchMoving = configure("io.kapture.processor.motion", "itest-moving", detector(SYNTHETIC_CAMERA));
            watchStill = configure("io.kapture.processor.motion", "itest-still", detector(stillCamera));

            // the log hears events on these topics at all, or its silence below would prove nothing
            service(EventAdmin.class).postEvent(new Event(MotionEventLog.START, Map.of("camera", "itest-echo")));
            await("the test's own event").atMost(TIMEOUT)
                    .until(() -> events.first("itest-echo", MotionEventLog.START), event -> event != null);
            Event start = await("motion START on " + SYNTHETIC_CAMERA).atMost(TIMEOUT)
                    .until(() -> events.first(SYNTHETIC_CAMERA, MotionEventLog.START), event -> event != null);
            int top = (Integer) start.getProperty("bbox.y");
            int height = (Integer) start.getProperty("bbox.height");
            assertTrue("the box " + start + " lies in the watched region, below y=48", top >= 48 && height > 0
                    && top + height <= 480);
            assertTrue("score of " + start, (Double) start.getProperty("score") > 0);

            await("the still camera's detector analysed 60 frames").atMost(TIMEOUT)
                    .until(() -> listenerStats(stillSession, "motion:" + stillCamera).map(ListenerStats::delivered)
                            .orElse(0L), delivered -> delivered >= 60);
            assertEquals("events of the still camera", List.of(), events.topics(stillCamera));

            // a detector stopped in the middle of motion ends it, so START and END always pair up
            watchMoving.delete();
            watchMoving = null;
            await("motion END on " + SYNTHETIC_CAMERA).atMost(TIMEOUT)
                    .until(() -> events.topics(SYNTHETIC_CAMERA), topics -> topics.contains(MotionEventLog.END));
            assertEquals(List.of(MotionEventLog.START, MotionEventLog.END), events.topics(SYNTHETIC_CAMERA));
            assertNotNull(events.first(SYNTHETIC_CAMERA, MotionEventLog.END).getProperty("duration.ms"));

            watchStill.delete();
            watchStill = null;
            await("motion listeners gone").atMost(TIMEOUT)
                    .until(() -> listenerStats(stillSession, "motion:" + stillCamera).isEmpty()
                            && listenerStats(camera, "motion:" + SYNTHETIC_CAMERA).isEmpty());
            motion.uninstall();
            removeCamera(still, stillCamera);
            still = null;
            watch.assertUninterrupted(service(FramePool.class), TIMEOUT);
        } finally {
            deleteQuietly(watchMoving);
            deleteQuietly(watchStill);
            removeCamera(still, stillCamera);
            motion.restore();
        }
    }

    @Test
    public void theRecorderWritesAnAviThatGrowsAndRotatesBySize() throws Exception {
        CaptureSession camera = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        HotDeployment recorder = HotDeployment.take(this, RECORDER_BUNDLE);
        Configuration configuration = null;
        try (CaptureWatch watch = CaptureWatch.start(context, camera)) {
            recorder.install();
            Map<String, Object> properties = new HashMap<>();
            properties.put("camera", SYNTHETIC_CAMERA);
            properties.put("folder", "itest-recordings");
            properties.put("rotate.size.mb", 1);
            properties.put("rotate.duration.seconds", 0);
            configuration = configure("io.kapture.processor.recorder", "itest", properties);

            Path folder = storageRoot().resolve("itest-recordings");
            Growth growth = new Growth();
            await("the file being recorded grows").atMost(TIMEOUT)
                    .until(() -> growth.grew(MediaFiles.list(folder, ".avi")));
            await("a second file, after the first reached 1 MB").atMost(TIMEOUT)
                    .until(() -> MediaFiles.list(folder, ".avi").size() >= 2);
            Path first = MediaFiles.list(folder, ".avi").get(0);
            assertEquals("", MediaFiles.aviProblems(first));
            assertTrue(first + " rotated at 1 MB", Files.size(first) <= 1_000_000);

            configuration.delete();
            configuration = null;
            await("recorder listener gone").atMost(TIMEOUT)
                    .until(() -> listenerStats(camera, "recorder:" + SYNTHETIC_CAMERA).isEmpty());
            // the listener goes first, then the file being written is finished
            List<Path> files = MediaFiles.list(folder, ".avi");
            Path last = files.get(files.size() - 1);
            await("the last file finished too").atMost(TIMEOUT)
                    .untilAsserted(() -> assertEquals("", MediaFiles.aviProblems(last)));
            recorder.uninstall();
            watch.assertUninterrupted(service(FramePool.class), TIMEOUT);
        } finally {
            deleteQuietly(configuration);
            recorder.restore();
        }
    }

    /** Settings of a motion detector that watches everything below the synthetic camera's code. */
    private static Map<String, Object> detector(String camera) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("camera", camera);
        properties.put("roi", BELOW_THE_CODE);
        return properties;
    }

    private static void deleteQuietly(Configuration configuration) {
        if (configuration == null) {
            return;
        }
        try {
            configuration.delete();
        } catch (IllegalStateException | IOException alreadyGone) {
            // deleted by the test or with its bundle; nothing is left to clean up
        }
    }

    /**
     * Notices a recording grow: the newest file seen again, larger than before. A file that rotates away in
     * between only restarts the comparison with the next one.
     */
    private static final class Growth {
        private Path file;
        private long size = -1;

        boolean grew(List<Path> files) throws IOException {
            if (files.isEmpty()) {
                return false;
            }
            Path newest = files.get(files.size() - 1);
            long now = MediaFiles.size(newest);
            boolean grew = newest.equals(file) && size >= 0 && now > size;
            file = newest;
            size = now;
            return grew;
        }
    }
}
