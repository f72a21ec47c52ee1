package io.kapture.web.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.servlet.ServletException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.convert.ImageEncoding;
import io.kapture.synthetic.SyntheticFrames;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.RecordingRegistrar;
import io.kapture.testing.SyntheticFeed;

/**
 * The servlet driven without a container, through {@link FakeHttp}: routing, the JSON endpoint, and streams that
 * end because the browser leaves or the preview stops, releasing everything.
 */
class PreviewServletTest {

    private static final ComponentConfig<Config> DEFAULTS = ComponentConfig.of(Config.class);

    private static final String LOCAL = "127.0.0.1";

    private final RecordingRegistrar engine = new RecordingRegistrar();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private PreviewServlet servlet = servlet(DEFAULTS);
    private SyntheticFeed feed;

    @AfterEach
    void stop() throws InterruptedException {
        servlet.deactivate();
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "request threads ended");
        if (feed != null) {
            feed.close();
        }
    }

    @Test
    void servesThePageItsScriptAndStyleWithAStrictPolicy() throws Exception {
        FakeHttp.Response page = get("/", LOCAL, "localhost:8181");
        FakeHttp.Response script = get("/app.js", LOCAL, "localhost:8181");
        FakeHttp.Response style = get("/app.css", LOCAL, "localhost:8181");

        assertEquals(200, page.status);
        assertEquals("text/html; charset=utf-8", page.headers.get("Content-Type"));
        assertTrue(page.text().contains("<script src=\"app.js\" defer></script>"), page.text());
        assertEquals("default-src 'self'; frame-ancestors 'none'", page.headers.get("Content-Security-Policy"));
        assertEquals("nosniff", page.headers.get("X-Content-Type-Options"));
        assertEquals(String.valueOf(page.body.size()), page.headers.get("Content-Length"));
        assertTrue(script.text().contains("fetch('api/cameras'"), "the script polls the JSON endpoint");
        assertEquals("text/css; charset=utf-8", style.headers.get("Content-Type"));
    }

    @Test
    void theBarePathRedirectsToThePageAndUnknownPathsAreNotFound() throws Exception {
        assertEquals("/kapture/", get(null, LOCAL, "localhost").redirect);

        FakeHttp.Response missing = get("/nothing", LOCAL, "localhost");

        assertEquals(404, missing.status);
        assertTrue(missing.message.contains("/nothing"), missing.message);
    }

    @Test
    void listsCamerasWithTheirFiguresAsJson() throws Exception {
        FakeCamera zeta = new FakeCamera("zeta", 640, 480, PixelFormat.YUYV);
        FakeCamera alpha = new FakeCamera("alpha\"<x>", 320, 240, PixelFormat.MJPEG);
        zeta.captured.set(1234);
        zeta.sequenceRepeats = 3;
        zeta.delivery = "zerocopy";
        zeta.fallbackDelivery = "pool";
        zeta.fallbackReason = "/dev/video20 is a v4l2loopback device";
        servlet.addCamera(zeta);
        servlet.addCamera(alpha);

        String json = get("/api/cameras", LOCAL, "127.0.0.1:8181").text();

        assertTrue(json.startsWith("{\"maxPreviewFps\":10.0,\"streams\":0,\"maxStreams\":8,\"jpegEngine\":\""
                + ImageEncoding.jpegEngine() + "\",\"cameras\":[{\"name\":"
                + "\"alpha\\\"\\u003cx\\u003e\""), json);
        assertTrue(json.contains("{\"name\":\"zeta\",\"device\":\"synthetic:zeta\",\"state\":\"RUNNING\","
                + "\"format\":\"640x480 YUYV\",\"adjustments\":null,\"configuredFps\":30.0,\"delivery\":\"zerocopy\","
                + "\"effectiveDelivery\":\"pool\",\"deliveryFallback\":\"/dev/video20 is a v4l2loopback device\","
                + "\"restarts\":0,\"fps\":29.5,\"captured\":1234,"), json);
        assertTrue(json.contains(",\"sequenceGaps\":0,\"sequenceRepeats\":3,\"corrupted\":0,"), json);
        assertTrue(json.endsWith("\"previews\":0,\"lastError\":null}]}"), json);

        servlet.removeCamera(alpha);
        zeta.failStats(new IllegalStateException("session closed"));
        assertEquals("{\"maxPreviewFps\":10.0,\"streams\":0,\"maxStreams\":8,\"jpegEngine\":\""
                + ImageEncoding.jpegEngine() + "\",\"cameras\":[{\"name\":\"zeta\","
                + "\"error\":\"IllegalStateException: session closed\"}]}",
                get("/api/cameras", LOCAL, "localhost").text());
    }

    @Test
    void answersWhoeverTheGateLetsThroughWithoutACheckOfItsOwn() throws Exception {
        assertEquals(200, get("/", "192.168.1.20", "kapture.lan:8181").status, "AccessGate decides, in front");
        assertEquals(200, get("/", "::1", "[::1]:8181").status);
    }

    @Test
    void aStreamSendsJpegPartsUntilTheBrowserLeavesThenReleasesEverything() throws Exception {
        servlet.addCamera(new FakeCamera("cam0", 320, 240, PixelFormat.YUYV));
        feed = SyntheticFeed.timeline("cam0", "box", 320, 240, PixelFormat.YUYV);
        FakeHttp.Response response = new FakeHttp.Response();
        response.failAfterBytes = 200_000;

        Future<?> request = threads.submit(() -> service("GET", "/stream/cam0", LOCAL, "localhost", response));
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.subscribers().size() == 1);
        // Deliver until the browser "leaves": its socket refuses more bytes, and the request ends.
        while (!request.isDone()) {
            engine.deliver(feed.next());
        }
        request.get();

        assertEquals(MjpegWriter.CONTENT_TYPE, response.headers.get("Content-Type"));
        List<byte[]> images = MultipartParts.all(response.body.toByteArray());
        assertTrue(images.size() >= 3, images.size() + " images");
        assertEquals(320, ImageIO.read(new ByteArrayInputStream(images.get(0))).getWidth(), "the waiting image");
        long previous = -1;
        for (byte[] image : images.subList(1, images.size())) {
            long sequence = SyntheticFrames.sequenceOf(ImageIO.read(new ByteArrayInputStream(image)));
            assertTrue(sequence > previous, "frames go forward: " + sequence + " after " + previous);
            previous = sequence;
        }
        assertEquals(images.size(), response.flushes.get(), "each part is flushed");
        assertEquals(List.of(), engine.subscribers(), "the listener is unregistered");
        assertEquals(0, servlet.activeStreams());
        assertEquals(0, feed.retains(), "no frame is kept");
    }

    @Test
    void stoppingThePreviewEndsOpenStreams() throws Exception {
        servlet.addCamera(new FakeCamera("cam0", 320, 240, PixelFormat.YUYV));
        FakeHttp.Response response = new FakeHttp.Response();
        Future<?> request = threads.submit(() -> service("GET", "/stream/cam0", LOCAL, "localhost", response));
        await().atMost(Duration.ofSeconds(10)).until(() -> servlet.activeStreams() == 1);

        servlet.deactivate();

        request.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), engine.subscribers());
        assertEquals(1, MultipartParts.all(response.body.toByteArray()).size(), "only the waiting image was sent");
    }

    @Test
    void streamsBeyondTheLimitGetServiceUnavailable() throws Exception {
        ComponentConfig<Config> one = DEFAULTS.with("max.streams", 1);
        servlet.deactivate();
        servlet = servlet(one);
        servlet.addCamera(new FakeCamera("cam0", 320, 240, PixelFormat.YUYV));
        threads.submit(() -> service("GET", "/stream/cam0", LOCAL, "localhost", new FakeHttp.Response()));
        await().atMost(Duration.ofSeconds(10)).until(() -> servlet.activeStreams() == 1);

        FakeHttp.Response second = get("/stream/cam0", LOCAL, "localhost");

        assertEquals(503, second.status);
        assertEquals("5", second.headers.get("Retry-After"));
        assertTrue(second.message.contains("max.streams"), second.message);
        assertEquals(1, engine.registrations(), "no listener for the refused stream");
    }

    @Test
    void unknownCamerasAreNotFoundAndHeadDoesNotStream() throws Exception {
        servlet.addCamera(new FakeCamera("cam0", 320, 240, PixelFormat.YUYV));

        FakeHttp.Response unknown = get("/stream/nobody", LOCAL, "localhost");
        FakeHttp.Response head = new FakeHttp.Response();
        service("HEAD", "/stream/cam0", LOCAL, "localhost", head);

        assertEquals(404, unknown.status);
        assertTrue(unknown.message.contains("No camera named 'nobody'"), unknown.message);
        assertEquals(200, head.status);
        assertEquals(MjpegWriter.CONTENT_TYPE, head.headers.get("Content-Type"));
        assertEquals(0, head.body.size());
        assertEquals(0, engine.registrations());
    }

    private PreviewServlet servlet(ComponentConfig<Config> config) {
        return new PreviewServlet(engine, config.as(PreviewSettings::from));
    }

    private FakeHttp.Response get(String path, String remote, String host) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        service("GET", path, remote, host, response);
        assertNotNull(response.servletResponse);
        return response;
    }

    private Void service(String method, String path, String remote, String host, FakeHttp.Response response)
            throws ServletException, IOException {
        servlet.service(FakeHttp.request(method, path, remote, host), response.servletResponse);
        return null;
    }
}
