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
import java.util.ArrayList;
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
import java.util.function.Consumer;
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
 * <p>Over a WebSocket to the page ({@link #start}), or over a pipe to the browser ({@link #startThrough}), which
 * also reaches a browser in another network namespace. {@link #logInAs} answers HTTP logins the page meets.
 *
 * <p>Threading contract: one thread drives an instance; replies arrive on the connection's thread and are handed
 * over through futures; that thread also answers paused requests.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern PAGE_SOCKET =
            Pattern.compile("\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+)\"");
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern PAGE_TARGET = Pattern.compile("\"targetId\":\"([^\"]+)\",\"type\":\"page\"");
    private static final Pattern MESSAGE_ID = Pattern.compile("^\\{\"id\":(\\d+),");

    private final Process process;
    private final Path profile;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> replies = new ConcurrentHashMap<>();
    /** Sends one message; set once the connection is up. */
    private volatile Consumer<String> sender;
    private volatile Runnable disconnect = () -> { };
    /** The page's session over a browser-wide pipe; null over a page's own WebSocket. */
    private volatile String session;
    /** What an HTTP authentication challenge is answered with ({@link #logInAs}); null until then. */
    private volatile String credentials;
    private final AtomicInteger challenges = new AtomicInteger();

    private HeadlessChromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
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
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(flags(profile, width, height));
        command.addAll(List.of("--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        HeadlessChromium chromium = new HeadlessChromium(process, profile);
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
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(REPLY_TIMEOUT)
                    .buildAsync(URI.create(page.group(1)), new Messages(chromium::receive)).get(30, TimeUnit.SECONDS);
            // one message at a time: a WebSocket refuses a send while the previous one is pending
            chromium.sender = message -> {
                synchronized (socket) {
                    socket.sendText(message, true).join();
                }
            };
            chromium.disconnect = socket::abort;
            chromium.setViewport(width, height);
            return chromium;
        } catch (IOException | RuntimeException e) {
            chromium.close();
            throw e;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            chromium.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("cannot connect to chromium's DevTools: " + e, e);
        }
    }

    /**
     * Starts the browser through {@code launcher} (for example {@code ip netns exec <namespace>}: the browser
     * then runs in that network namespace) and drives it over a pipe ({@link DevToolsPipe}), which needs no
     * network between here and there.
     *
     * @throws IOException if the browser does not start or offers no page to drive within 30 s
     */
    public static HeadlessChromium startThrough(List<String> launcher, Path executable, int width, int height)
            throws IOException {
        Path profile = Files.createTempDirectory("kapture-chromium-");
        List<String> browser = new ArrayList<>(List.of(executable.toString()));
        browser.addAll(flags(profile.resolve("profile"), width, height));
        browser.addAll(List.of("--remote-debugging-pipe", "about:blank"));
        List<String> command = DevToolsPipe.command(profile, launcher, browser);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        drain(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        HeadlessChromium chromium = new HeadlessChromium(process, profile);
        try {
            DevToolsPipe pipe = DevToolsPipe.open(profile, chromium::receive);
            chromium.sender = pipe::send;
            chromium.disconnect = pipe::close;
            String targets = chromium.call("Target.getTargets", "{}");
            Matcher page = PAGE_TARGET.matcher(targets);
            if (!page.find()) {
                throw new IOException("chromium offers no page to drive: " + targets);
            }
            String attached = chromium.call("Target.attachToTarget", "{\"targetId\":" + quote(page.group(1))
                    + ",\"flatten\":true}");
            chromium.session = Json.stringField(attached, "sessionId")
                    .orElseThrow(() -> new IOException("no session in " + attached));
            chromium.setViewport(width, height);
            return chromium;
        } catch (IOException | RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    /**
     * From now on answers every HTTP authentication challenge (401 with {@code WWW-Authenticate}) with this user
     * name and password, as a person would in the browser's login dialog. Every request of the page then pauses
     * until it is let go here (DevTools' Fetch domain), which costs nothing worth measuring in a test.
     */
    public void logInAs(String user, String password) throws IOException {
        answerLogins("{\"response\":\"ProvideCredentials\",\"username\":" + quote(user) + ",\"password\":"
                + quote(password) + "}");
    }

    /**
     * From now on cancels every HTTP authentication challenge, as a person pressing Cancel in the login dialog
     * (the page then shows the server's 401 response). Headless, a challenge nobody answers leaves the page
     * waiting forever.
     */
    public void cancelLogins() throws IOException {
        answerLogins("{\"response\":\"CancelAuth\"}");
    }

    /** HTTP authentication challenges the browser met since {@link #logInAs} or {@link #cancelLogins}. */
    public int loginChallenges() {
        return challenges.get();
    }

    private void answerLogins(String response) throws IOException {
        credentials = response;
        call("Fetch.enable", "{\"handleAuthRequests\":true,\"patterns\":[{\"urlPattern\":\"*\"}]}");
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

    /** Ends the browser, closes the connection and deletes its profile. */
    @Override
    public void close() {
        destroy(process);
        disconnect.run();
        deleteProfile(profile);
    }

    private static List<String> flags(Path profile, int width, int height) {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    }

    /** The window's viewport is smaller than its size (browser chrome is accounted for even headless). */
    private void setViewport(int width, int height) throws IOException {
        call("Emulation.setDeviceMetricsOverride", String.format(Locale.ROOT,
                "{\"width\":%d,\"height\":%d,\"deviceScaleFactor\":1,\"mobile\":false}", width, height));
    }

    /** A reply completes its call; paused requests and authentication challenges are answered at once. */
    private void receive(String message) {
        Matcher id = MESSAGE_ID.matcher(message);
        if (id.find()) {
            CompletableFuture<String> reply = replies.get(Integer.parseInt(id.group(1)));
            if (reply != null) {
                reply.complete(message);
            }
        } else if (message.contains("\"method\":\"Fetch.requestPaused\"")) {
            answer(message, "Fetch.continueRequest", "");
        } else if (message.contains("\"method\":\"Fetch.authRequired\"") && credentials != null) {
            challenges.incrementAndGet();
            answer(message, "Fetch.continueWithAuth", ",\"authChallengeResponse\":" + credentials);
        }
    }

    /** Sends a command about a paused request without waiting for its reply (this is the receiving thread). */
    private void answer(String event, String method, String more) {
        Json.stringField(event, "requestId").ifPresent(request -> sender.accept(message(ids.incrementAndGet(),
                method, "{\"requestId\":" + quote(request) + more + "}")));
    }

    private String message(int id, String method, String params) {
        String target = session == null ? "" : ",\"sessionId\":" + quote(session);
        return "{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + target + "}";
    }

    private String call(String method, String params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        replies.put(id, reply);
        sender.accept(message(id, method, params));
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

    private static void destroy(Process process) {
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
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary directory is harmless.
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Collects the WebSocket's text messages, which may come in fragments, and hands each on whole. */
    private static final class Messages implements WebSocket.Listener {
        private final Consumer<String> receiver;
        private final StringBuilder message = new StringBuilder();

        Messages(Consumer<String> receiver) {
            this.receiver = receiver;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                receiver.accept(text);
            }
            socket.request(1);
            return null;
        }
    }
}
