package io.kapture.jmx.internal;

import java.util.List;

import io.kapture.rtsp.RtspStatistics;

/**
 * {@link RtspServerMXBean} over the RTSP server's {@link RtspStatistics}, read at every call.
 *
 * <p>Thread-safe: JMX calls it on RMI threads at once; the service is thread-safe.
 */
final class RtspServerBean implements RtspServerMXBean {

    private final RtspStatistics rtsp;

    RtspServerBean(RtspStatistics rtsp) {
        this.rtsp = rtsp;
    }

    /** @param service an {@link RtspStatistics}, as {@link RtspBeans} gets it without naming the type */
    static RtspServerMXBean over(Object service) {
        return new RtspServerBean((RtspStatistics) service);
    }

    @Override
    public int getOpenConnections() {
        return rtsp.openConnections();
    }

    @Override
    public long getConnections() {
        return rtsp.connections();
    }

    @Override
    public long getConnectionsRefused() {
        return rtsp.connectionsRefused();
    }

    @Override
    public long getSlowClientsDropped() {
        return rtsp.slowClientsDropped();
    }

    @Override
    public long getMalformedRtcp() {
        return rtsp.malformedRtcp();
    }

    @Override
    public List<RtspStreamFigures> getStreams() {
        return rtsp.streams().stream().map(RtspStreamFigures::of).toList();
    }
}
