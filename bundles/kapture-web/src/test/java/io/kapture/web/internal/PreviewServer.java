package io.kapture.web.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import io.kapture.api.PixelFormat;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.RecordingRegistrar;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/**
 * The preview servlet in the Jetty that Pax Web 8 embeds, on 127.0.0.1, with synthetic cameras pumped in real
 * time through a {@link FakeEngine}: real sockets, real browsers, no OSGi. Tests use it for what only a real
 * connection shows (a browser that closes its socket); {@link #main} runs it by hand for a browser or the
 * Chromium check ({@code io.kapture.web.chromium.PreviewPageCheck}).
 *
 * <p>Threading contract: one pump thread per camera; {@link #close()} from any one thread stops everything and
 * waits for the pumps.
 */
final class PreviewServer implements AutoCloseable {

    private final Server server;
    private final PreviewServlet servlet;
    private final RecordingRegistrar engine = new RecordingRegistrar();
    private final List<Thread> pumps = new ArrayList<>();
    private final List<FakeCamera> cameras = new ArrayList<>();
    private volatile boolean stopping;

    private PreviewServer(int port, PreviewSettings settings) throws Exception {
        servlet = new PreviewServlet(engine, settings);
        server = new Server(new InetSocketAddress("127.0.0.1", port));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlet), "/kapture/*");
        server.setHandler(context);
        server.start();
    }

    /** Starts the server on {@code port} (0 for any free one), with no cameras yet. */
    static PreviewServer start(int port, PreviewSettings settings) throws Exception {
        return new PreviewServer(port, settings);
    }

    /** Adds a synthetic camera delivering {@code fps} frames a second until the server closes. */
    FakeCamera camera(String name, String pattern, int width, int height, PixelFormat format, double fps) {
        FakeCamera camera = new FakeCamera(name, width, height, format);
        CountDownLatch opened = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try (SyntheticFeed feed = SyntheticFeed.live(name, pattern, width, height, format, fps)) {
                opened.countDown();
                while (!stopping) {
                    TestFrame frame = feed.next();
                    camera.captured.incrementAndGet();
                    engine.deliver(frame);
                }
            } catch (IllegalStateException stopped) {
                // Interrupted while waiting for a frame: the server is closing.
            } finally {
                opened.countDown();
            }
        }, "synthetic-" + name);
        pump.setDaemon(true);
        pump.start();
        try {
            opened.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pumps.add(pump);
        cameras.add(camera);
        servlet.addCamera(camera);
        return camera;
    }

    URI page() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + "/kapture/");
    }

    PreviewServlet servlet() {
        return servlet;
    }

    RecordingRegistrar engine() {
        return engine;
    }

    @Override
    public void close() throws Exception {
        stopping = true;
        for (Thread pump : pumps) {
            pump.interrupt();
            pump.join(10_000);
        }
        servlet.deactivate();
        server.stop();
    }

    /**
     * Serves the preview of two synthetic cameras (cam0: 640x480 YUYV colour bars with the moving box at 30 fps;
     * cam1: 320x240 MJPEG box at 15 fps) until killed. Argument: the port, 8181 if none.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8181;
        PreviewServer server = start(port, ComponentConfig.of(Config.class).as(PreviewSettings::from));
        server.camera("cam0", "bars+box", 640, 480, PixelFormat.YUYV, 30);
        server.camera("cam1", "box", 320, 240, PixelFormat.MJPEG, 15);
        System.out.println("Kapture preview at " + server.page());
        server.server.join();
    }
}
