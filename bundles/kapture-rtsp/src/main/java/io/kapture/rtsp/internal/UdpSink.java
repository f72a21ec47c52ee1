package io.kapture.rtsp.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RTP and RTCP as UDP datagrams from a pair of sockets of this client's own (RTP on an even port, RTCP on the next,
 * as RFC 3550 section 11 asks and the SETUP reply announces), bound to the server's address, to the ports the client
 * named in SETUP, on the address its RTSP connection comes from (never to another host). A thread of its own reads
 * what the client sends to the RTCP port (receiver reports, BYE) from that address only, and hands it on.
 *
 * <p>Threading contract: {@link #send} and {@link #sendRtcp} are called by the client's sending thread; the RTCP
 * reading thread is this object's and ends when {@link #close()} (any thread, idempotent) closes the sockets.
 */
final class UdpSink implements PacketSink {

    private static final Logger LOG = LoggerFactory.getLogger(UdpSink.class);
    private static final int ATTEMPTS = 50;

    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final InetSocketAddress target;
    private final InetSocketAddress rtcpTarget;
    private final Consumer<byte[]> rtcpIn;

    /**
     * Binds an even and the next odd port on {@code local} and starts reading RTCP.
     *
     * @param rtcpIn receives each RTCP datagram from the client, on the reading thread
     * @throws SocketException if no free pair was found
     */
    UdpSink(InetAddress local, InetAddress client, int clientRtpPort, int clientRtcpPort, Consumer<byte[]> rtcpIn)
            throws SocketException {
        DatagramSocket[] pair = bindPair(local);
        this.rtp = pair[0];
        this.rtcp = pair[1];
        this.target = new InetSocketAddress(client, clientRtpPort);
        this.rtcpTarget = new InetSocketAddress(client, clientRtcpPort);
        this.rtcpIn = rtcpIn;
        Thread reader = new Thread(this::readRtcp, "kapture-rtsp-rtcp " + client.getHostAddress() + ":"
                + clientRtcpPort);
        reader.setDaemon(true);
        reader.start();
    }

    /** The server's RTP port, for the Transport reply; RTCP is the next one. */
    int localPort() {
        return rtp.getLocalPort();
    }

    @Override
    public void send(FeedUnit unit) throws IOException {
        for (byte[] packet : unit.packets()) {
            rtp.send(new DatagramPacket(packet, packet.length, target));
        }
    }

    @Override
    public void sendRtcp(byte[] packet) throws IOException {
        rtcp.send(new DatagramPacket(packet, packet.length, rtcpTarget));
    }

    @Override
    public void close() {
        rtp.close();
        rtcp.close();
    }

    private void readRtcp() {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!rtcp.isClosed()) {
            try {
                datagram.setLength(buffer.length);
                rtcp.receive(datagram);
            } catch (IOException e) {
                if (!rtcp.isClosed()) {
                    LOG.debug("reading RTCP from {} failed: {}", rtcpTarget, e.getMessage());
                }
                return;
            }
            if (datagram.getAddress().equals(target.getAddress())) {
                rtcpIn.accept(Arrays.copyOf(buffer, datagram.getLength()));
            }
        }
    }

    /** An RTP socket on an even port and an RTCP socket on the next; the kernel picks, we retry until it fits. */
    private static DatagramSocket[] bindPair(InetAddress local) throws SocketException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DatagramSocket first = new DatagramSocket(new InetSocketAddress(local, 0));
            int port = first.getLocalPort();
            if (port % 2 != 0 || port == 65534) {
                first.close();
                continue;
            }
            try {
                return new DatagramSocket[] { first, new DatagramSocket(new InetSocketAddress(local, port + 1)) };
            } catch (SocketException taken) {
                first.close();
            }
        }
        throw new SocketException("no pair of free UDP ports (even and next) on " + local.getHostAddress()
                + " after " + ATTEMPTS + " attempts");
    }
}
