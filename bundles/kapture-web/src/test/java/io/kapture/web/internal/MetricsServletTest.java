package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.kapture.login.LoginCounter;
import io.kapture.login.LoginOutcome;
import io.kapture.web.internal.metrics.PrometheusText;

class MetricsServletTest {

    private final MetricsServlet servlet = new MetricsServlet();

    MetricsServletTest() {
        servlet.addCamera(new StatsCamera("cam \"0\""));
        FakeCamera loopback = new FakeCamera("cam1", 640, 480, io.kapture.api.PixelFormat.YUYV);
        loopback.delivery = "zerocopy";
        loopback.fallbackDelivery = "pool";
        loopback.fallbackReason = "a v4l2loopback device";
        servlet.addCamera(loopback);
        LoginCounter rtspLogins = new LoginCounter("rtsp");
        rtspLogins.record(LoginOutcome.REJECTED);
        rtspLogins.record(LoginOutcome.REJECTED);
        rtspLogins.record(LoginOutcome.FORBIDDEN);
        LoginCounter webLogins = new LoginCounter("web");
        webLogins.record(LoginOutcome.THROTTLED);
        servlet.addLogins(webLogins);
        servlet.addLogins(rtspLogins);
        servlet.addRtspServer(FakeRtsp.asServiceObjects());
        servlet.addRecorder(FakeRecordings.asServiceObjects(new FakeRecordings()));
        servlet.addMotion(FixedServiceObjects.of(ActivityMetricsTest.MOTION));
        servlet.addSnapshots(FixedServiceObjects.of(ActivityMetricsTest.SNAPSHOTS));
    }

    @Test
    void exposesLoginOutcomesPerEndpointAndTheRtspServersFigures() {
        MetricsPage page = new MetricsPage(servlet);
        page.shows("# TYPE kapture_logins_total counter\n"
                + "kapture_logins_total{endpoint=\"rtsp\",outcome=\"accepted\"} 0\n"
                + "kapture_logins_total{endpoint=\"rtsp\",outcome=\"rejected\"} 2\n"
                + "kapture_logins_total{endpoint=\"rtsp\",outcome=\"forbidden\"} 1\n");
        page.shows("kapture_logins_total{endpoint=\"web\",outcome=\"throttled\"} 1\n");
        page.shows("kapture_rtsp_connections 2\n");
        page.shows("kapture_rtsp_clients{camera=\"cam1\",transport=\"udp\"} 1\n");
        page.shows("kapture_rtsp_clients{camera=\"cam1\",transport=\"tcp\"} 2\n");
        page.shows("kapture_rtsp_sent_bytes_total{camera=\"cam1\"} 1400000\n");
        page.shows("kapture_rtsp_fraction_lost_max{camera=\"cam1\"} 0.25\n");
        page.shows("kapture_rtsp_jitter_max_seconds{camera=\"cam1\"} 0.0125\n");
        page.shows("kapture_rtsp_receiver_reports_total{camera=\"cam1\"} 12\n");
        page.shows("kapture_rtsp_stream_info{camera=\"cam1\",encoder=\"openh264\"} 1\n");
        page.shows("kapture_rtsp_byes_total{camera=\"cam1\"} 1\n");
    }

    @Test
    void exposesCameraListenerPoolAndProcessFigures() {
        MetricsPage page = new MetricsPage(servlet);
        page.shows("kapture_frames_captured_total{camera=\"cam \\\"0\\\"\"} 1000\n");
        page.shows("kapture_camera_state{camera=\"cam1\",state=\"RUNNING\"} 1\n");
        page.shows("kapture_camera_state{camera=\"cam1\",state=\"FAILED\"} 0\n");
        page.shows("kapture_camera_info{camera=\"cam1\",device=\"synthetic:cam1\",delivery=\"zerocopy\","
                + "effective_delivery=\"pool\",format=\"640x480 YUYV\"} 1\n");
        page.shows("kapture_frames_dropped_total{camera=\"cam \\\"0\\\"\",cause=\"queue_full\"} 90\n");
        page.shows("kapture_sequence_gaps_total{camera=\"cam \\\"0\\\"\"} 5\n");
        page.shows("kapture_sequence_repeats_total{camera=\"cam \\\"0\\\"\"} 6\n");
        page.shows("kapture_pool_max_bytes{camera=\"cam \\\"0\\\"\"} 67108864\n");
        page.shows("kapture_listener_frames_dropped_total{camera=\"cam \\\"0\\\"\",listener=\"say"
                + " \\\"hi\\\"\\\\\\n\",bundle=\"io.example\",cause=\"stopped\"} 10\n");
        page.shows("kapture_listener_latency_seconds{camera=\"cam \\\"0\\\"\",listener=\"say"
                + " \\\"hi\\\"\\\\\\n\",bundle=\"io.example\",quantile=\"0.99\"} 0.004\n");
        page.shows("listener=\"kapture-preview#2\""); // two listeners of one name, two series
        page.shows("\njvm_memory_bytes_used{area=\"heap\"} ");
        page.shows("\nprocess_resident_memory_bytes ");
        page.shows("\nprocess_open_fds ");
    }

    /** The exposition as Debian's promtool reads it: no errors, no lint problems. */
    @Test
    void passesPromtoolCheckMetrics() throws Exception {
        Process promtool;
        try {
            promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is missing: run scripts/install-test-prerequisites (Debian package"
                    + " prometheus)", e);
        }
        try (OutputStream in = promtool.getOutputStream()) {
            in.write(servlet.exposition().getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream out = promtool.getInputStream()) {
            out.transferTo(output);
        }
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool ended");
        assertEquals("", output.toString(StandardCharsets.UTF_8).trim());
        assertEquals(0, promtool.exitValue());
    }

    @Test
    void servesTheTextFormat() throws IOException {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.doGet(FakeHttp.request("GET", null, "127.0.0.1", "localhost:8181"), response.servletResponse);
        assertEquals(200, response.status);
        assertEquals(PrometheusText.CONTENT_TYPE, response.headers.get("Content-Type"));
        assertEquals("no-store", response.headers.get("Cache-Control"));
        assertTrue(response.text().contains("kapture_frames_captured_total"), response.text());
    }
}
