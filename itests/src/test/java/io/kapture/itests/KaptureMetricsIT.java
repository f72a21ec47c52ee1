package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;

import io.kapture.api.CaptureSession;
import io.kapture.api.SessionState;

/**
 * {@code /kapture/metrics} of the distribution as monitors see it: Debian's {@code promtool} accepts the real
 * output, a real Prometheus scraping it stores the figures, which its query API gives back rising, the RTSP
 * server's figures show GStreamer clients and their RTCP receiver reports, and motion and snapshots show as the
 * synthetic camera moves, stands still and its snapshot folder turns read-only.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureMetricsIT extends KaptureTestSupport {

    private static final String METRICS = MetricsPage.PATH;

    private int httpPort() throws IOException {
        return configuredPort("org.ops4j.pax.web", "org.osgi.service.http.port");
    }

    private String scrape() throws IOException {
        return MetricsPage.scrape(httpPort());
    }

    @Test
    public void theDistributionsOutputPassesPromtool() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        await("metrics with the synthetic camera").atMost(TIMEOUT)
                .until(() -> scrape().contains("kapture_frames_captured_total{camera=\"synthetic\"}"));
        String text = scrape();
        assertTrue(text, text.contains("\nprocess_resident_memory_bytes "));
        assertTrue(text, text.contains("kapture_camera_up{camera=\"synthetic\"} 1\n"));
        // the container runs with the distribution's bin/setenv limits (DistributionJvm), not a quarter of the RAM
        String heapLimit = "\njvm_memory_bytes_max{area=\"heap\"} ";
        int at = text.indexOf(heapLimit) + heapLimit.length();
        double maxHeap = Double.parseDouble(text.substring(at, text.indexOf('\n', at)));
        assertTrue("heap limit " + maxHeap, maxHeap <= 128 * 1024 * 1024);
        assertTrue(text, text.contains("kapture_logins_total{endpoint=\"rtsp\",outcome=\"rejected\"} 0\n"));
        assertTrue(text, text.contains("kapture_logins_total{endpoint=\"web\",outcome=\"rejected\"} 0\n"));
        assertTrue(text, text.contains("\nkapture_rtsp_connections "));
        assertPassesPromtool(text);
    }

    /**
     * GStreamer's rtspsrc, one client over TCP and one over UDP, plays the synthetic camera over RTSP: the metrics
     * show both clients by transport, the RTP sent, and (rtspsrc sends RTCP receiver reports every few seconds) the
     * reports counted with their loss and jitter; the exposition with the RTSP families still passes promtool.
     */
    @Test
    public void gstreamerClientsReceiverReportsAppearOnTheMetrics() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        String url = "rtsp://127.0.0.1:" + configuredPort(RTSP_PID, "port") + "/" + SYNTHETIC_CAMERA;
        String camera = "{camera=\"" + SYNTHETIC_CAMERA + "\"";
        List<Process> players = new ArrayList<>();
        try {
            for (String protocol : List.of("tcp", "udp")) {
                players.add(new ProcessBuilder("gst-launch-1.0", "-q", "rtspsrc", "location=" + url,
                        "protocols=" + protocol, "!", "rtph264depay", "!", "h264parse", "!", "fakesink")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            await("both GStreamer clients playing, their receiver reports counted").atMost(TIMEOUT).until(() -> {
                for (Process player : players) {
                    assertTrue("gst-launch-1.0 ended with " + (player.isAlive() ? "" : player.exitValue()),
                            player.isAlive());
                }
                String text = scrape();
                return value(text, "kapture_rtsp_clients" + camera + ",transport=\"tcp\"}") == 1
                        && value(text, "kapture_rtsp_clients" + camera + ",transport=\"udp\"}") == 1
                        && value(text, "kapture_rtsp_receiver_reports_total" + camera + "}") >= 2;
            });
            String text = scrape();
            double jitter = value(text, "kapture_rtsp_jitter_max_seconds" + camera + "}");
            assertTrue(text, jitter >= 0 && jitter < 1);
            double lost = value(text, "kapture_rtsp_fraction_lost_max" + camera + "}");
            assertTrue(text, lost >= 0 && lost <= 1);
            assertTrue(text, value(text, "kapture_rtsp_packets_sent_total" + camera + "}") > 0);
            assertTrue(text, value(text, "kapture_rtsp_sent_bytes_total" + camera + "}") > 0);
            assertEquals(text, 2, value(text, "kapture_rtsp_sessions" + camera + "}"), 0);
            assertTrue(text, text.contains("kapture_rtsp_stream_info" + camera + ",encoder=\"openh264\"} 1\n"));
            assertPassesPromtool(text);
        } finally {
            for (Process player : players) {
                player.destroy();
                if (!player.waitFor(10, TimeUnit.SECONDS)) {
                    player.destroyForcibly();
                }
            }
        }
        await("the clients gone from the metrics").atMost(TIMEOUT).until(() -> value(scrape(),
                "kapture_rtsp_clients" + camera + ",transport=\"tcp\"}") == 0);
    }

    /**
     * A motion detector and a snapshot schedule on a camera of their own (the synthetic {@code box} pattern), seen on
     * the metrics as an alert would see them: motion active with one more period begun, then (the pattern switched
     * to the still bars through the camera's {@code test_pattern} control) ended, its duration in the histogram
     * (which a real Prometheus scrapes and answers a quantile of), then begun again; snapshots counted with exactly
     * the bytes of the files on disk, then failing while a read-only file system lies over their folder, and written
     * again once it is gone. promtool accepts it all.
     */
    @Test
    public void motionAndSnapshotsShowOnTheMetricsAsTheyHappen() throws Exception {
        String name = "activitycam";
        String camera = "{camera=\"" + name + "\"}";
        Map<String, Object> box = new HashMap<>();
        box.put("device", "synthetic:activity"); // a device of its own: the pattern control is per device
        box.put("width", 320);
        box.put("height", 240);
        box.put("fps", 15.0);
        box.put("synthetic.pattern", "box");
        Configuration cameraConfiguration = configureCamera(name, box);
        Configuration detector = null;
        Configuration snapshots = null;
        Path folder = storageRoot().resolve("itest-activity");
        try {
            CaptureSession session = awaitSession(name, SessionState.RUNNING);
            // the top 10 % holds the sequence code, which changes in every frame
            detector = configure("io.kapture.processor.motion", "itest-activity",
                    Map.of("camera", name, "roi", "0,10,100,90", "quiet.ms", 500));
            snapshots = configure("io.kapture.processor.snapshot", "itest-activity", Map.of("camera", name,
                    "interval.seconds", 1, "folder", "itest-activity", "retention", 0));

            String moving = await("motion and two snapshots on the metrics").atMost(TIMEOUT).until(this::scrape,
                    text -> value(text, "kapture_motion_active" + camera) == 1
                            && value(text, "kapture_snapshot_files_written_total" + camera) >= 2);
            List<Path> files = MediaFiles.list(folder, ".jpg");
            double periods = value(moving, "kapture_motion_periods_total" + camera);
            assertTrue(moving, periods >= 1);
            assertEquals(moving, periods - 1, value(moving, "kapture_motion_period_duration_seconds_count" + camera),
                    0);
            double started = value(moving, "kapture_motion_last_start_timestamp_seconds" + camera);
            assertTrue(moving, Math.abs(System.currentTimeMillis() / 1e3 - started) < TIMEOUT.toSeconds());
            assertEquals(moving, 0, value(moving, "kapture_motion_frames_skipped_total" + camera), 0);
            int written = (int) value(moving, "kapture_snapshot_files_written_total" + camera);
            assertTrue("files " + files + " for " + written + " written", files.size() >= written);
            long bytes = 0;
            for (Path file : files.subList(0, written)) {
                bytes += Files.size(file);
            }
            assertEquals(moving, bytes, value(moving, "kapture_snapshot_written_bytes_total" + camera), 0);
            assertEquals(moving, 0, value(moving, "kapture_snapshot_failing" + camera), 0);
            assertEquals(moving, 0, value(moving, "kapture_snapshot_failures_total" + camera), 0);
            assertEquals(moving, 1, value(moving, "kapture_snapshot_interval_seconds" + camera), 0);
            assertTrue(moving, value(moving, "kapture_snapshot_last_written_timestamp_seconds" + camera) > 0);
            assertFalse(moving, moving.contains("itest-activity"));

            session.control("test_pattern", 0); // bars: nothing moves below the code
            String still = await("the motion period ended").atMost(TIMEOUT).until(this::scrape,
                    text -> value(text, "kapture_motion_active" + camera) == 0);
            assertEquals(still, periods, value(still, "kapture_motion_periods_total" + camera), 0);
            assertEquals(still, periods, value(still, "kapture_motion_period_duration_seconds_count" + camera), 0);
            assertEquals(still, periods, value(still, "kapture_motion_period_duration_seconds_bucket{camera=\""
                    + name + "\",le=\"+Inf\"}"), 0);
            assertTrue(still, value(still, "kapture_motion_period_duration_seconds_sum" + camera) > 0);
            // a real Prometheus takes the histogram in and answers a quantile of the ended periods' durations
            try (PrometheusServer prometheus = PrometheusServer.start(httpPort(), METRICS)) {
                await("Prometheus stores the ended periods").atMost(TIMEOUT).until(() -> isUp(prometheus)
                        && prometheus.query("kapture_motion_period_duration_seconds_count" + camera).orElse(-1)
                        == periods);
                double median = prometheus.query("histogram_quantile(0.5, kapture_motion_period_duration_seconds_bucket"
                        + camera + ")").orElse(-1);
                assertTrue(prometheus.log() + "\nmedian " + median, median > 0 && median <= 300);
            }

            session.control("test_pattern", 1); // the box again
            await("a new motion period").atMost(TIMEOUT).until(this::scrape,
                    text -> value(text, "kapture_motion_periods_total" + camera) == periods + 1
                            && value(text, "kapture_motion_active" + camera) == 1);

            double failedAt;
            try (TmpfsMount readOnly = TmpfsMount.readOnly(folder)) {
                String failing = await("snapshots failing on a read-only folder").atMost(TIMEOUT)
                        .until(this::scrape, text -> value(text, "kapture_snapshot_failing" + camera) == 1);
                assertTrue(failing, value(failing, "kapture_snapshot_failures_total" + camera) >= 1);
                failedAt = value(failing, "kapture_snapshot_files_written_total" + camera);
            }
            String recovered = await("snapshots written again").atMost(TIMEOUT).until(this::scrape,
                    text -> value(text, "kapture_snapshot_failing" + camera) == 0
                            && value(text, "kapture_snapshot_files_written_total" + camera) > failedAt);
            assertPassesPromtool(recovered);
        } finally {
            for (Configuration configuration : Arrays.asList(detector, snapshots)) {
                if (configuration != null) {
                    configuration.delete();
                }
            }
            removeCamera(cameraConfiguration, name);
        }
    }

    private static double value(String text, String series) {
        return MetricsPage.value(text, series);
    }

    private static void assertPassesPromtool(String text) throws IOException, InterruptedException {
        MetricsPage.assertPassesPromtool(text);
    }

    @Test
    public void prometheusScrapesTheCountersRising() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        String captured = "kapture_frames_captured_total{job=\"kapture\",camera=\"synthetic\"}";
        try (PrometheusServer prometheus = PrometheusServer.start(httpPort(), METRICS)) {
            await("Prometheus scraping Kapture").atMost(TIMEOUT).until(() -> isUp(prometheus));
            double first = await("a first value of " + captured).atMost(TIMEOUT)
                    .until(() -> prometheus.query(captured), OptionalDouble::isPresent).getAsDouble();
            await("a later scrape with more frames").atMost(TIMEOUT)
                    .until(() -> prometheus.query(captured).orElse(0) > first);
            assertEquals(1.0, prometheus.query("kapture_camera_up{camera=\"synthetic\"}").orElse(-1), 0.0);
            assertTrue(prometheus.log(),
                    prometheus.query("process_resident_memory_bytes{job=\"kapture\"}").orElse(0) > 0);
        }
    }

    private static boolean isUp(PrometheusServer prometheus) throws IOException {
        if (!prometheus.isAlive()) {
            throw new AssertionError("prometheus ended:\n" + prometheus.log());
        }
        try {
            return prometheus.query("up{job=\"kapture\"}").orElse(0) == 1;
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}
