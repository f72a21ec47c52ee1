package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * output, and a real Prometheus scraping it stores the figures, which its query API gives back rising.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureMetricsIT extends KaptureTestSupport {

    private static final String METRICS = "/kapture/metrics";

    private int httpPort() throws IOException {
        return configuredPort("org.ops4j.pax.web", "org.osgi.service.http.port");
    }

    private String scrape() throws IOException {
        PreviewHttp.Response response = PreviewHttp.get(httpPort(), METRICS);
        assertEquals(response.toString(), 200, response.status());
        assertTrue(response.header("Content-Type"), response.header("Content-Type").startsWith("text/plain"));
        return response.text();
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
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = promtool.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (InputStream out = promtool.getInputStream()) {
            out.transferTo(said);
        }
        assertTrue("promtool ended", promtool.waitFor(30, TimeUnit.SECONDS));
        assertEquals(text, "", said.toString(StandardCharsets.UTF_8).trim());
        assertEquals(0, promtool.exitValue());
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
