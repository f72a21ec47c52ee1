package io.kapture.rtsp.internal;

import java.util.List;

import io.kapture.rtsp.StreamStatistics;

/**
 * A camera's {@link StreamStatistics} at one moment: its {@link StreamCounters} and, from its feed if one is open,
 * the playing clients by transport, their latest receiver reports aggregated worst case first (the highest fraction
 * lost and jitter, the sum of packets lost), and the encoder in use. A client without a report yet adds nothing to
 * the aggregate.
 *
 * <p>Immutable; safe from any thread. {@link #of} reads atomics and volatile fields that other threads keep writing,
 * so figures of one snapshot may be a moment apart, never torn.
 */
record StreamFigures(String camera, int sessions, int udpClients, int tcpClients, long packetsSent, long bytesSent,
        long receiverReports, double worstFractionLost, long packetsLost, double maxJitterMillis,
        long sessionTimeouts, long byes, String encoder) implements StreamStatistics {

    /**
     * @param feed the camera's open feed, or null while nobody has it described or set up
     */
    static StreamFigures of(String camera, StreamCounters counters, CameraFeed feed) {
        List<ClientStream> clients = feed == null ? List.of() : feed.clientStreams();
        int tcp = 0;
        int worstFraction = 0;
        long lost = 0;
        double jitter = 0;
        for (ClientStream client : clients) {
            if (client.tcp()) {
                tcp++;
            }
            ReceiverReport report = client.lastReport();
            if (report != null) {
                worstFraction = Math.max(worstFraction, report.fractionLost());
                lost += report.cumulativeLost();
                jitter = Math.max(jitter, report.jitterMillis());
            }
        }
        return new StreamFigures(camera, Math.max(0, counters.sessions.get()), clients.size() - tcp, tcp,
                counters.packetsSent.sum(), counters.bytesSent.sum(), counters.receiverReports.sum(),
                worstFraction / 256.0, lost, jitter, counters.sessionTimeouts.sum(), counters.byes.sum(),
                feed == null ? "" : feed.encoderInUse());
    }
}
