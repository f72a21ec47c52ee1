package io.kapture.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Prometheus server (Debian's {@code prometheus}) on a free loopback port, with its own configuration and
 * storage in a temporary directory, scraping one target every second; queried through its HTTP API. Closing it
 * stops the process and deletes the directory.
 *
 * <p>Threading contract: made, queried and closed by one test thread.
 */
final class PrometheusServer implements AutoCloseable {

    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.e+]+,\"([^\"]+)\"\\]");

    private final Path directory;
    private final Process process;
    private final int port;

    private PrometheusServer(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** Starts Prometheus scraping {@code http://127.0.0.1:<targetPort><metricsPath>} every second. */
    static PrometheusServer start(int targetPort, String metricsPath) throws IOException {
        Path directory = Files.createTempDirectory("kapture-prometheus");
        Files.writeString(directory.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: kapture
                    metrics_path: %s
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(metricsPath, targetPort));
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("prometheus",
                "--config.file=" + directory.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile());
        try {
            return new PrometheusServer(directory, builder.start(), port);
        } catch (IOException e) {
            delete(directory);
            throw new IOException("cannot run prometheus: install it with scripts/install-test-prerequisites (Debian"
                    + " package prometheus)", e);
        }
    }

    /** The value of an instant query's first result, if it has one. */
    OptionalDouble query(String expression) throws IOException {
        String body = get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
        Matcher matcher = VALUE.matcher(body);
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    /** The server's log so far, for failure messages. */
    String log() {
        try {
            return Files.readString(directory.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            delete(directory);
        }
    }

    private String get(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(10000);
        try {
            int status = connection.getResponseCode();
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IOException("Prometheus answered " + status + " to " + path + ": " + body);
            }
            return body;
        } finally {
            connection.disconnect();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
