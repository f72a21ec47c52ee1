package io.kapture.web.chromium;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * Debian's {@code chromium} in headless mode, driven through the Chrome DevTools Protocol over a WebSocket (JDK
 * only, no driver): open a page, evaluate JavaScript in it, take screenshots of a region while it keeps running.
 * Plain {@code --screenshot} runs cannot do this for a live MJPEG stream: they shoot as soon as the page has
 * loaded, before the stream's first frames arrive.
 *
 * <p>Started with the flags that keep a headless browser quiet and self-contained: no sandbox (containers), no
 * GPU, no QUIC, no first-run, background networking, component updates or sync, and a throw-away profile
 * directory, deleted on {@link #close()}.
 *
 * <p>Threading contract: one thread drives an instance; replies arrive on the WebSocket's thread and are handed
 * over through futures.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern PAGE_SOCKET =
            Pattern.compile("\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+)\"");
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> replies;

    private HeadlessChromium(Process process, Path profile, WebSocket socket,
            Map<Integer, CompletableFuture<String>> replies) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        this.replies = replies;
    }

    /** The first of {@code chromium}, {@code chromium-browser}, {@code google-chrome} on the PATH. */
    public static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the browser on a blank page with a viewport of {@code width} x {@code height} CSS pixels and
     * connects to it.
     *
     * @throws IOException if the browser does not start or offers no page to drive within 30 s
     */
    public static HeadlessChromium start(Path executable, int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("kapture-chromium-");
        Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).start();
        try {
            URI browser = URI.create(devToolsAddress(process));
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
            String targets = http.send(HttpRequest.newBuilder(list).timeout(REPLY_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher page = PAGE_SOCKET.matcher(targets);
            if (!page.find()) {
                throw new IOException("chromium offers no page to drive: " + targets);
            }
            Map<Integer, CompletableFuture<String>> replies = new ConcurrentHashMap<>();
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(REPLY_TIMEOUT)
                    .buildAsync(URI.create(page.group(1)), new Replies(replies)).get(30, TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, socket, replies);
            // The window's viewport is smaller than its size (browser chrome is accounted for even headless).
            chromium.call("Emulation.setDeviceMetricsOverride", String.format(Locale.ROOT,
                    "{\"width\":%d,\"height\":%d,\"deviceScaleFactor\":1,\"mobile\":false}", width, height));
            return chromium;
        } catch (IOException | RuntimeException e) {
            destroy(process, profile);
            throw e;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            destroy(process, profile);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("cannot connect to chromium's DevTools: " + e, e);
        }
    }

    /** Loads a page; returns once the browser has started navigating (the page then loads on its own). */
    public void open(URI page) throws IOException {
        call("Page.navigate", "{\"url\":" + quote(page.toString()) + "}");
    }

    /** Evaluates a JavaScript expression in the page and returns its value as a string ({@code String(...)}). */
    public String evaluate(String expression) throws IOException {
        String reply = call("Runtime.evaluate", "{\"expression\":" + quote("String(" + expression + ")")
                + ",\"returnByValue\":true}");
        return Json.stringField(reply, "value").orElseThrow(() -> new IOException("no value in " + reply));
    }

    /** A screenshot of the page's region at CSS pixels {@code x, y, width, height}. */
    public BufferedImage screenshot(int x, int y, int width, int height) throws IOException {
        String reply = call("Page.captureScreenshot", String.format(Locale.ROOT,
                "{\"format\":\"png\",\"captureBeyondViewport\":true,"
                        + "\"clip\":{\"x\":%d,\"y\":%d,\"width\":%d,\"height\":%d,\"scale\":1}}",
                x, y, width, height));
        String data = Json.stringField(reply, "data").orElseThrow(() -> new IOException("no image in " + reply));
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data)));
    }

    /** Closes the connection, ends the browser and deletes its profile. */
    @Override
    public void close() {
        socket.abort();
        destroy(process, profile);
    }

    private String call(String method, String params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true);
        try {
            String text = reply.get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (text.contains("\"error\":")) {
                throw new IOException(method + " failed: " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no reply to " + method + " from chromium: " + e, e);
        } finally {
            replies.remove(id);
        }
    }

    private static String devToolsAddress(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    Matcher matcher = DEVTOOLS.matcher(line);
                    if (matcher.find()) {
                        drain(output);
                        return matcher.group(1);
                    }
                    seen.append(line).append('\n');
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String found = address.get(30, TimeUnit.SECONDS);
            if (found == null) {
                throw new IOException("chromium ended without offering DevTools:\n" + seen);
            }
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while chromium started", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("chromium offered no DevTools within 30 s:\n" + seen, e);
        }
    }

    /** Keeps reading the browser's output so that it never blocks on a full pipe. */
    private static void drain(BufferedReader output) {
        Thread drainer = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // Chromium's log lines (D-Bus complaints and the like) are of no interest.
                }
            } catch (IOException ended) {
                // The browser is gone.
            }
        }, "chromium-output");
        drainer.setDaemon(true);
        drainer.start();
    }

    private static void destroy(Process process, Path profile) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary directory is harmless.
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Collects the WebSocket's text messages, which may come in fragments, and completes the waiting call. */
    private static final class Replies implements WebSocket.Listener {
        private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");
        private final Map<Integer, CompletableFuture<String>> replies;
        private final StringBuilder message = new StringBuilder();

        Replies(Map<Integer, CompletableFuture<String>> replies) {
            this.replies = replies;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                Matcher id = ID.matcher(text);
                if (id.find()) {
                    CompletableFuture<String> reply = replies.get(Integer.parseInt(id.group(1)));
                    if (reply != null) {
                        reply.complete(text);
                    }
                }
            }
            socket.request(1);
            return null;
        }
    }
}
