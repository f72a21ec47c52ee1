package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.kapture.api.SessionState;

/**
 * {@code /kapture/metrics} of the distribution as monitors see it: Debian's {@code promtool} accepts the real
 * output, a real Prometheus scraping it stores the figures, which its query API gives back rising, and the RTSP
 * server's figures show GStreamer clients and their RTCP receiver reports.
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
