package io.kapture.rtsp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import io.kapture.api.encoder.EncoderChoice;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.api.listener.ListenerRegistrar;

/**
 * The RTSP server without a framework, on a free loopback port, for the benchmark programs: frame listeners are
 * registered through the given registrar, cameras are those {@code cameras} knows, encoders those given.
 *
 * <p>Threading contract: started and closed by one thread; the server runs its own threads in between.
 */
public final class EmbeddedRtspServer implements AutoCloseable {

    private final RtspServer server;
    private final CameraFeeds feeds;

    private EmbeddedRtspServer(RtspServer server, CameraFeeds feeds) {
        this.server = server;
        this.feeds = feeds;
    }

    /**
     * Starts a server.
     *
     * @param cameras          each camera's configured frame rate, empty for an unknown camera
     * @param clientQueueFrames access units a client may fall behind before it is dropped
     * @throws IOException if no loopback port can be bound
     */
    public static EmbeddedRtspServer start(ListenerRegistrar registrar, List<VideoEncoderFactory> encoders,
            Cameras cameras, EncoderSettings settings, int clientQueueFrames) throws IOException {
        EncoderChoice choice = new EncoderChoice(encoders);
        CameraFeeds feeds = new CameraFeeds(registrar, () -> choice, cameras, settings);
        ServerContext context = new ServerContext(feeds, InetAddress.getLoopbackAddress(), clientQueueFrames,
                Duration.ofSeconds(10), Duration.ofSeconds(60), new ServerContext.Counters(),
                RtspAccess.loopbackOnly());
        RtspServer server = new RtspServer(context, 0, 1000);
        server.start();
        return new EmbeddedRtspServer(server, feeds);
    }

    /** {@code rtsp://127.0.0.1:<port>/<camera>}. */
    public String url(String camera) {
        return "rtsp://127.0.0.1:" + server.port() + "/" + camera;
    }

    /** Clients playing the camera now. */
    public int clients(String camera) {
        CameraFeed feed = feeds.feed(camera);
        return feed == null ? 0 : feed.clients();
    }

    /** Frames the camera's encoder took so far (0 when nobody watches). */
    public long framesEncoded(String camera) {
        CameraFeed feed = feeds.feed(camera);
        return feed == null ? 0 : feed.framesEncoded();
    }

    /** Clients dropped because they stopped reading, over the server's life. */
    public long slowClientsDropped() {
        return server.context().counters().slowClientsDropped.get();
    }

    @Override
    public void close() {
        server.close();
    }
}
