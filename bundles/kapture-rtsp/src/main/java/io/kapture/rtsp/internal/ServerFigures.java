package io.kapture.rtsp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.kapture.rtsp.RtspStatistics;
import io.kapture.rtsp.StreamStatistics;

/**
 * The server's {@link RtspStatistics}, read at each call from counters that outlive server restarts and from the
 * server running now (if any): its open connections and each camera's open feed.
 *
 * <p>Thread-safe: the counters are atomic and the server is read once per call through the supplier, which the
 * owner backs with a volatile field.
 */
final class ServerFigures implements RtspStatistics {

    private final ServerContext.Counters counters;
    private final Supplier<RtspServer> running;

    /**
     * @param counters the counters every server of the component shares
     * @param running  the server listening now, or null
     */
    ServerFigures(ServerContext.Counters counters, Supplier<RtspServer> running) {
        this.counters = counters;
        this.running = running;
    }

    @Override
    public List<StreamStatistics> streams() {
        RtspServer server = running.get();
        List<StreamStatistics> streams = new ArrayList<>();
        for (Map.Entry<String, StreamCounters> camera : counters.streams().entrySet()) {
            CameraFeed feed = server == null ? null : server.context().feeds().feed(camera.getKey());
            streams.add(StreamFigures.of(camera.getKey(), camera.getValue(), feed));
        }
        return streams;
    }

    @Override
    public int openConnections() {
        RtspServer server = running.get();
        return server == null ? 0 : server.connections();
    }

    @Override
    public long connections() {
        return counters.connections.get();
    }

    @Override
    public long connectionsRefused() {
        return counters.refused.get();
    }

    @Override
    public long slowClientsDropped() {
        return counters.slowClientsDropped.get();
    }

    @Override
    public long malformedRtcp() {
        return counters.rtcp.malformed();
    }
}
