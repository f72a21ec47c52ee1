package io.kapture.rtsp.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * RTP as UDP datagrams from a socket of this client's own, bound to the server's address, to the RTP port the
 * client named in SETUP, on the address its RTSP connection comes from (never to another host).
 *
 * <p>Not thread-safe: used by the client's sending thread; {@link #close()} from any thread.
 */
final class UdpSink implements PacketSink {

    private final DatagramSocket socket;
    private final InetSocketAddress target;

    /** Binds a socket on {@code local}, any free port. */
    UdpSink(InetAddress local, InetAddress client, int clientRtpPort) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(local, 0));
        this.target = new InetSocketAddress(client, clientRtpPort);
    }

    /** The server's RTP port, for the Transport reply. */
    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void send(FeedUnit unit) throws IOException {
        for (byte[] packet : unit.packets()) {
            socket.send(new DatagramPacket(packet, packet.length, target));
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
