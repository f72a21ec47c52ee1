package io.kapture.rtsp;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One camera's RTSP stream: gauges of what is open now, counters since the server component started, and the
 * playing clients' latest RTCP receiver reports (RFC 3550 section 6.4.2) aggregated over those clients, worst case
 * first. A client's report covers what it received since its previous one; the aggregate forgets a client that
 * stopped playing.
 *
 * <p>An immutable snapshot; safe from any thread.
 */
@ProviderType
public interface StreamStatistics {

    /** The camera's name, as in {@code rtsp://host:port/<camera>}. */
    String camera();

    /** RTSP sessions set up on the camera (SETUP done, not torn down or closed). */
    int sessions();

    /** Clients playing it with RTP over UDP. */
    int udpClients();

    /** Clients playing it with RTP interleaved in the RTSP connection (TCP). */
    int tcpClients();

    /** RTP packets sent to its clients, in all. */
    long packetsSent();

    /** Bytes of those RTP packets, headers included (not the IP, UDP or TCP framing). */
    long bytesSent();

    /** Receiver reports with a report block that its clients sent, in all. */
    long receiverReports();

    /** The highest "fraction lost" of the playing clients' latest reports, 0 to 1; 0 before any report. */
    double worstFractionLost();

    /** The sum of the playing clients' latest "cumulative number of packets lost" (may be negative: duplicates). */
    long packetsLost();

    /** The largest interarrival jitter of the playing clients' latest reports, in milliseconds. */
    double maxJitterMillis();

    /** Sessions closed because their client sent nothing for {@code session.timeout.seconds}. */
    long sessionTimeouts();

    /** RTCP BYEs its clients sent (each ends that client's stream). */
    long byes();

    /** The encoder in use ({@code VideoEncoderFactory.name()}), or empty while none is open. */
    String encoder();
}
