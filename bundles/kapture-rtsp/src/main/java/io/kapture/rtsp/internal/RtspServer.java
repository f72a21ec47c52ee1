package io.kapture.rtsp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket and its connections: one accepting thread, one reading thread per connection (plus one
 * sending thread per playing client). Connections beyond {@code maxClients} get 503 and are closed at once.
 *
 * <p>Threading contract: {@link #start()} and {@link #close()} are called by the owner, one at a time; the accepting
 * thread and the connection threads are the server's own. {@link #close()} ends them all and every feed.
 */
final class RtspServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtspServer.class);

    /** Bytes the kernel buffers for one client's connection at most (about a second of a 1 Mbit/s stream). */
    static final int SEND_BUFFER = 128 * 1024;

    private final ServerContext context;
    private final int port;
    private final int maxClients;
    private final Set<RtspConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private ServerSocket serverSocket;
    private volatile boolean closed;

    RtspServer(ServerContext context, int port, int maxClients) {
        this.context = context;
        this.port = port;
        this.maxClients = maxClients;
    }

    /**
     * Binds the socket and starts accepting.
     *
     * @throws IOException if the address and port cannot be bound (in use, not an address of this machine)
     */
    void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(context.address(), port), 50);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        serverSocket = socket;
        Thread acceptor = new Thread(this::acceptLoop, "kapture-rtsp-accept " + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port listened on (the bound one when 0 was asked for). */
    int port() {
        return serverSocket.getLocalPort();
    }

    ServerContext context() {
        return context;
    }

    int connections() {
        return connections.size();
    }

    @Override
    public void close() {
        closed = true;
        if (serverSocket != null) {
            try {
                serverSocket.close();
            } catch (IOException e) {
                LOG.debug("closing the RTSP server socket failed: {}", e.getMessage());
            }
        }
        for (RtspConnection connection : connections) {
            connection.close();
        }
        context.feeds().closeAll();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("The RTSP server on port {} stopped accepting connections: {}", port(), e.getMessage());
                }
                return;
            }
            context.counters().connections.incrementAndGet();
            if (connections.size() >= maxClients) {
                refuse(socket);
                continue;
            }
            limitSendBuffer(socket);
            RtspConnection connection = new RtspConnection(socket, context, connections::remove);
            connections.add(connection);
            if (closed) {
                connection.close();
            }
            Thread thread = new Thread(connection, "kapture-rtsp-client-" + threads.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Keeps the kernel's buffer for a client small: video queued there is stale by the time it arrives, and a client
     * that stops reading should fill its (counted) queue within seconds, not after megabytes of kernel buffer.
     */
    private static void limitSendBuffer(Socket socket) {
        try {
            socket.setSendBufferSize(SEND_BUFFER);
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            LOG.debug("could not size an RTSP socket's buffer: {}", e.getMessage());
        }
    }

    private void refuse(Socket socket) {
        context.counters().refused.incrementAndGet();
        LOG.warn("RTSP connection from {} refused: {} connections are open, max.clients allows {}",
                socket.getRemoteSocketAddress(), connections.size(), maxClients);
        try (socket) {
            socket.setSoTimeout(1000);
            socket.getOutputStream().write(("RTSP/1.0 503 Service Unavailable\r\nCSeq: 0\r\nServer: Kapture\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.debug("refusing an RTSP connection failed: {}", e.getMessage());
        }
    }
}
