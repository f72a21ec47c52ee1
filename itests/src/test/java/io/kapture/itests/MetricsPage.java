package io.kapture.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@code /kapture/metrics} read over real HTTP, the value of one series in it, and Debian's {@code promtool}'s
 * verdict on it; shared by the integration tests that look at the metrics.
 *
 * <p>Stateless; safe from any thread.
 */
final class MetricsPage {

    static final String PATH = "/kapture/metrics";

    private MetricsPage() {
    }

    /** The exposition the distribution serves on {@code port} now. */
    static String scrape(int port) throws IOException {
        PreviewHttp.Response response = PreviewHttp.get(port, PATH);
        assertEquals(response.toString(), 200, response.status());
        assertTrue(response.header("Content-Type"), response.header("Content-Type").startsWith("text/plain"));
        return response.text();
    }

    /** The sample's value, or -1 if the exposition has no such line. */
    static double value(String text, String series) {
        String start = "\n" + series + " ";
        int at = text.indexOf(start);
        return at < 0 ? -1 : Double.parseDouble(text.substring(at + start.length(), text.indexOf('\n',
                at + start.length())));
    }

    /** Fails unless {@code promtool check metrics} accepts the exposition without a word. */
    static void assertPassesPromtool(String text) throws IOException, InterruptedException {
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
}
