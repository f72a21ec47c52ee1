package io.kapture.rtsp.internal;

import java.io.IOException;

/**
 * Where one client's RTP packets go: interleaved into its RTSP connection, or UDP datagrams to its ports.
 *
 * <p>Called by the client's one sending thread; implementations say what else they share.
 */
interface PacketSink extends AutoCloseable {

    /** Sends one access unit's packets; blocks while the client does not read (TCP). */
    void send(FeedUnit unit) throws IOException;

    /** Sends one RTCP compound packet (a sender report) on the RTCP channel or port. */
    void sendRtcp(byte[] packet) throws IOException;

    /** Releases what the sink owns (a UDP socket); the RTSP connection is the connection's to close. */
    @Override
    void close();
}
