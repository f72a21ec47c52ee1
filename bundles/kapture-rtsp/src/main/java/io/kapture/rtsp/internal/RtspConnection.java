package io.kapture.rtsp.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's RTSP connection: reads requests on its own thread, lets {@link RtspAccess} admit them (a client from
 * another machine logs in once per connection), answers each through its {@link RtspSession},
 * and ends (releasing the session's stream, sockets and lease) when the client closes it, sends something that is
 * not RTSP, stays silent past the session timeout while not playing over TCP, or is dropped as too slow.
 *
 * <p>Threading contract: {@link #run()} is the connection's thread; {@link #close()} may be called from any thread
 * (the server stopping, a slow client dropped) and only closes the socket, which ends {@link #run()}. Writes to the
 * socket happen under {@code writeLock}, shared with interleaved RTP.
 */
final class RtspConnection implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtspConnection.class);

    private final Socket socket;
    private final ServerContext context;
    private final Consumer<RtspConnection> onEnd;
    private final Object writeLock = new Object();
    /** Whether this connection's client logged in (the reading thread's). */
    private boolean loggedIn;

    RtspConnection(Socket socket, ServerContext context, Consumer<RtspConnection> onEnd) {
        this.socket = socket;
        this.context = context;
        this.onEnd = onEnd;
    }

    @Override
    public void run() {
        String peer = socket.getRemoteSocketAddress().toString();
        RtspSession session = null;
        try {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            session = new RtspSession(context, socket.getInetAddress(), out, writeLock, this::close);
            RtspReader reader = new RtspReader(new BufferedInputStream(socket.getInputStream(), 8 * 1024),
                    session::interleaved);
            while (true) {
                socket.setSoTimeout(session.playingOverTcp() ? 0 : (int) context.sessionTimeout().toMillis());
                RtspRequest request;
                try {
                    request = reader.next();
                } catch (RtspReader.MalformedRequestException e) {
                    LOG.info("RTSP client {} sent a malformed request ({}); closing its connection", peer,
                            e.getMessage());
                    write(out, RtspResponse.error(400, e.getMessage()).closeConnection(), "0");
                    return;
                }
                if (request == null) {
                    return;
                }
                LOG.debug("RTSP {} from {}", request, peer);
                if (!loggedIn) {
                    Optional<RtspResponse> refusal = context.access().admit(socket.getInetAddress(), request,
                            () -> loggedIn = true);
                    if (refusal.isPresent()) {
                        write(out, refusal.get(), request.cseq());
                        if (refusal.get().closeAfter()) {
                            return;
                        }
                        continue;
                    }
                }
                RtspResponse response = session.handle(request);
                write(out, response, request.cseq());
                if (response.closeAfter()) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            if (session != null) {
                session.timedOut();
            }
            LOG.info("RTSP client {} sent nothing for {} s; closing its session", peer,
                    context.sessionTimeout().toSeconds());
        } catch (IOException e) {
            LOG.debug("RTSP connection from {} ended: {}", peer, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("RTSP connection from {} failed; closing it", peer, e);
        } finally {
            if (session != null) {
                session.close();
            }
            close();
            onEnd.accept(this);
        }
    }

    /** Closes the socket, which ends the connection's thread; safe from any thread, idempotent. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing an RTSP socket failed: {}", e.getMessage());
        }
    }

    private void write(OutputStream out, RtspResponse response, String cseq) throws IOException {
        byte[] bytes = response.encode(cseq);
        synchronized (writeLock) {
            out.write(bytes);
            out.flush();
        }
        response.written();
    }
}
