package io.kapture.rtsp.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;

import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.EncoderChoice;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.encoder.openh264.internal.OpenH264EncoderFactory;
import io.kapture.testing.RecordingRegistrar;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/**
 * An RTSP server on a free loopback port serving one synthetic camera, outside any framework: the synthetic camera's
 * frames are taken in real time on a thread of this class and handed to whatever listener the server registered
 * (as the engine's delivery thread would), encoded with the real OpenH264.
 *
 * <p>Threading contract: made and closed by the test thread; the camera thread is its own.
 */
final class LiveRtspServer implements AutoCloseable {

    static final String CAMERA = "cam0";

    final RecordingRegistrar registrar = new RecordingRegistrar();
    final RtspServer server;
    final CameraFeeds feeds;
    private final SyntheticFeed camera;
    private final Thread cameraThread;
    private final AtomicBoolean running = new AtomicBoolean(true);

    LiveRtspServer(int width, int height, PixelFormat format, int clientQueueFrames) throws Exception {
        this(width, height, format, clientQueueFrames, List.of(new OpenH264EncoderFactory()), EncoderSettings.DEFAULT);
    }

    LiveRtspServer(int width, int height, PixelFormat format, int clientQueueFrames,
            List<VideoEncoderFactory> factories, EncoderSettings settings) throws Exception {
        this(width, height, format, clientQueueFrames, factories, settings, Duration.ofSeconds(60));
    }

    LiveRtspServer(int width, int height, PixelFormat format, int clientQueueFrames,
            List<VideoEncoderFactory> factories, EncoderSettings settings, Duration sessionTimeout) throws Exception {
        camera = SyntheticFeed.live(CAMERA, "bars+box", width, height, format, 30);
        EncoderChoice choice = new EncoderChoice(factories);
        feeds = new CameraFeeds(registrar, () -> choice,
                name -> name.equals(CAMERA) ? OptionalDouble.of(30) : OptionalDouble.empty(), settings);
        ServerContext context = new ServerContext(feeds, InetAddress.getLoopbackAddress(), clientQueueFrames,
                Duration.ofSeconds(10), sessionTimeout, new ServerContext.Counters(),
                RtspAccess.loopbackOnly());
        server = new RtspServer(context, 0, 32);
        server.start();
        cameraThread = new Thread(this::pump, "synthetic-camera");
        cameraThread.start();
    }

    String url() {
        return "rtsp://127.0.0.1:" + server.port() + "/" + CAMERA;
    }

    ServerContext.Counters counters() {
        return server.context().counters();
    }

    private void pump() {
        while (running.get()) {
            TestFrame frame = camera.next();
            try {
                registrar.deliver(frame);
            } finally {
                frame.release();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        running.set(false);
        cameraThread.join(10_000);
        camera.close();
    }
}
