package io.kapture.jmx.internal;

import javax.management.ConstructorParameters;

import io.kapture.rtsp.StreamStatistics;

/**
 * One camera's RTSP figures as an MXBean composite: the {@link StreamStatistics} of a moment, with loss in
 * percent and jitter in milliseconds.
 *
 * <p>Immutable; safe from any thread.
 */
public final class RtspStreamFigures {

    private final String camera;
    private final int sessions;
    private final int udpClients;
    private final int tcpClients;
    private final long packetsSent;
    private final long bytesSent;
    private final long receiverReports;
    private final double worstLossPercent;
    private final long packetsLost;
    private final double maxJitterMillis;
    private final long sessionTimeouts;
    private final long byes;
    private final String encoder;

    @ConstructorParameters({ "camera", "sessions", "udpClients", "tcpClients", "packetsSent", "bytesSent",
            "receiverReports", "worstLossPercent", "packetsLost", "maxJitterMillis", "sessionTimeouts", "byes",
            "encoder" })
    public RtspStreamFigures(String camera, int sessions, int udpClients, int tcpClients, long packetsSent,
            long bytesSent, long receiverReports, double worstLossPercent, long packetsLost, double maxJitterMillis,
            long sessionTimeouts, long byes, String encoder) {
        this.camera = camera;
        this.sessions = sessions;
        this.udpClients = udpClients;
        this.tcpClients = tcpClients;
        this.packetsSent = packetsSent;
        this.bytesSent = bytesSent;
        this.receiverReports = receiverReports;
        this.worstLossPercent = worstLossPercent;
        this.packetsLost = packetsLost;
        this.maxJitterMillis = maxJitterMillis;
        this.sessionTimeouts = sessionTimeouts;
        this.byes = byes;
        this.encoder = encoder;
    }

    static RtspStreamFigures of(StreamStatistics stream) {
        return new RtspStreamFigures(stream.camera(), stream.sessions(), stream.udpClients(), stream.tcpClients(),
                stream.packetsSent(), stream.bytesSent(), stream.receiverReports(), stream.worstFractionLost() * 100,
                stream.packetsLost(), stream.maxJitterMillis(), stream.sessionTimeouts(), stream.byes(),
                stream.encoder());
    }

    public String getCamera() {
        return camera;
    }

    public int getSessions() {
        return sessions;
    }

    public int getUdpClients() {
        return udpClients;
    }

    public int getTcpClients() {
        return tcpClients;
    }

    public long getPacketsSent() {
        return packetsSent;
    }

    public long getBytesSent() {
        return bytesSent;
    }

    public long getReceiverReports() {
        return receiverReports;
    }

    /** The highest "fraction lost" of the playing clients' latest receiver reports, in percent. */
    public double getWorstLossPercent() {
        return worstLossPercent;
    }

    public long getPacketsLost() {
        return packetsLost;
    }

    public double getMaxJitterMillis() {
        return maxJitterMillis;
    }

    public long getSessionTimeouts() {
        return sessionTimeouts;
    }

    public long getByes() {
        return byes;
    }

    public String getEncoder() {
        return encoder;
    }
}
