package io.kapture.jmx.internal;

import java.util.List;

/**
 * The RTSP server, as {@code io.kapture:type=RtspServer}: its connections, and per camera that clients described or
 * played ({@link #getStreams()}) sessions, clients by transport, RTP sent and the clients' receiver reports.
 * Read-only; registered while the RTSP bundle runs.
 */
public interface RtspServerMXBean {

    int getOpenConnections();

    long getConnections();

    long getConnectionsRefused();

    long getSlowClientsDropped();

    long getMalformedRtcp();

    /** One entry per camera, ordered by name (in JConsole: an array of composite data). */
    List<RtspStreamFigures> getStreams();
}
