package io.kapture.rtsp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.encoder.H264Parameters;

/**
 * The state of one RTSP connection and its one session, and the answers to its requests: OPTIONS, DESCRIBE (the SDP
 * with the camera's parameter sets), SETUP (TCP-interleaved or UDP), PLAY, PAUSE, TEARDOWN and GET_PARAMETER
 * (keep-alive). A connection watches one camera at a time; its lease on the camera's feed is taken at DESCRIBE or
 * SETUP and given back at TEARDOWN or when the connection ends.
 *
 * <p>Threading contract: requests and interleaved RTCP are handled on the connection's reading thread;
 * {@link #close()} is called on that thread when the connection ends. The client's RTP goes out on its
 * {@link ClientStream}'s own thread; RTCP from a UDP client arrives on its {@link UdpSink}'s thread, which only ends
 * the stream and hands report blocks to the (thread-safe) stream and counters (see {@link #rtcpOverUdp}).
 */
final class RtspSession implements AutoCloseable {

    static final String METHODS = "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(RtspSession.class);

    private final ServerContext context;
    private final InetAddress client;
    private final OutputStream out;
    private final Object writeLock;
    private final Runnable dropConnection;
    // written by the connection's thread only; volatile for the UDP RTCP thread's reads (rtcpOverUdp)
    private volatile CameraFeeds.Lease lease;
    private TransportSpec transport;
    private PacketSink sink;
    private int serverPort;
    private volatile ClientStream stream;
    private String id;
    /** The counters of the camera this session is set up on, while it is (its sessions gauge counts it). */
    private StreamCounters setUpOn;

    /**
     * @param out            the connection's output, shared with interleaved RTP under {@code writeLock}
     * @param dropConnection ends the connection (a client too slow to keep up)
     */
    RtspSession(ServerContext context, InetAddress client, OutputStream out, Object writeLock,
            Runnable dropConnection) {
        this.context = context;
        this.client = client;
        this.out = out;
        this.writeLock = writeLock;
        this.dropConnection = dropConnection;
    }

    /** Whether RTP flows interleaved in the connection (then the client need not send anything to stay alive). */
    boolean playingOverTcp() {
        return stream != null && transport != null && transport.tcp();
    }

    RtspResponse handle(RtspRequest request) {
        try {
            return switch (request.method()) {
                case "OPTIONS" -> RtspResponse.ok().header("Public", METHODS);
                case "DESCRIBE" -> describe(request);
                case "SETUP" -> setup(request);
                case "PLAY" -> play(request);
                case "PAUSE" -> pause(request);
                case "TEARDOWN" -> teardown(request);
                case "GET_PARAMETER" -> keepAlive(request);
                case "ANNOUNCE", "RECORD", "SET_PARAMETER", "REDIRECT" -> RtspResponse.error(405, request.method()
                        + " is not supported: this server only plays cameras").header("Allow", METHODS);
                default -> RtspResponse.error(501, "unknown method " + request.method()).header("Public", METHODS);
            };
        } catch (IllegalArgumentException e) {
            return RtspResponse.error(400, e.getMessage());
        }
    }

    private RtspResponse describe(RtspRequest request) {
        String camera = request.camera();
        if (camera.isEmpty()) {
            return RtspResponse.error(404, "name a camera: rtsp://<host>:<port>/<camera>");
        }
        RtspResponse problem = leaseFor(camera);
        if (problem != null) {
            return problem;
        }
        CameraFeed feed = lease.feed();
        H264Parameters parameters;
        try {
            parameters = feed.awaitParameters(context.describeTimeout());
        } catch (StreamUnavailableException e) {
            if (transport == null) {
                releaseLease();
            }
            return RtspResponse.error(503, e.getMessage());
        }
        String base = baseUrl(request.uri());
        long sessionVersion = System.currentTimeMillis();
        return RtspResponse.ok().header("Content-Base", base + "/")
                .body("application/sdp", Sdp.describe(camera, context.address().getHostAddress(), sessionVersion,
                        parameters, feed.frameRate()));
    }

    private RtspResponse setup(RtspRequest request) {
        if (id != null && request.session() != null && !id.equals(request.session())) {
            return RtspResponse.error(454, "this connection's session is " + id);
        }
        if (stream != null) {
            return RtspResponse.error(455, "already playing; TEARDOWN first");
        }
        String camera = request.camera();
        if (camera.isEmpty()) {
            return RtspResponse.error(404, "name a camera: rtsp://<host>:<port>/<camera>/" + Sdp.TRACK);
        }
        RtspResponse problem = leaseFor(camera);
        if (problem != null) {
            return problem;
        }
        TransportSpec wanted;
        try {
            wanted = TransportSpec.parse(request.header("Transport"));
        } catch (IllegalArgumentException e) {
            return RtspResponse.error(461, e.getMessage());
        }
        closeSink();
        try {
            if (wanted.tcp()) {
                sink = new InterleavedSink(out, writeLock, wanted.rtpChannel(), wanted.rtcpChannel());
                serverPort = 0;
            } else {
                UdpSink udp = new UdpSink(context.address(), client, wanted.rtpChannel(), wanted.rtcpChannel(),
                        this::rtcpOverUdp);
                sink = udp;
                serverPort = udp.localPort();
            }
        } catch (IOException e) {
            return RtspResponse.error(500, "no UDP socket for the stream: " + e.getMessage());
        }
        if (transport == null) {
            setUpOn = context.counters().stream(camera);
            setUpOn.sessions.incrementAndGet();
        }
        transport = wanted;
        if (id == null) {
            id = Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
        }
        return RtspResponse.ok()
                .header("Transport", wanted.reply(serverPort, lease.feed().packetizer().ssrc()))
                .header("Session", id + ";timeout=" + context.sessionTimeout().toSeconds());
    }

    private RtspResponse play(RtspRequest request) {
        RtspResponse problem = checkSession(request);
        if (problem != null) {
            return problem;
        }
        if (transport == null) {
            return RtspResponse.error(455, "SETUP the track before PLAY");
        }
        CameraFeed feed = lease.feed();
        int nextSequence = feed.packetizer().nextSequence();
        String base = baseUrl(request.uri());
        RtspResponse response = RtspResponse.ok().header("Session", id).header("Range", "npt=0.000-")
                .header("RTP-Info", "url=" + base + "/" + Sdp.TRACK + ";seq=" + nextSequence);
        if (stream == null) {
            ClientStream starting = new ClientStream(feed.camera() + " for " + client.getHostAddress(), sink,
                    context.clientQueueFrames(), feed.senderReports(), transport.tcp(),
                    context.counters().stream(feed.camera()), this::droppedAsTooSlow);
            starting.start();
            stream = starting;
            context.counters().plays.incrementAndGet();
            // RTP only after the PLAY response: interleaved data ahead of it confuses clients that read the
            // response first (GStreamer's rtspsrc drops such data, so the first keyframe would be lost)
            response.afterWrite(() -> feed.addClient(starting));
        }
        return response;
    }

    private RtspResponse pause(RtspRequest request) {
        RtspResponse problem = checkSession(request);
        if (problem != null) {
            return problem;
        }
        stopStream();
        return RtspResponse.ok().header("Session", id);
    }

    private RtspResponse teardown(RtspRequest request) {
        RtspResponse problem = checkSession(request);
        if (problem != null) {
            return problem;
        }
        close();
        return RtspResponse.ok();
    }

    private RtspResponse keepAlive(RtspRequest request) {
        if (request.session() != null) {
            RtspResponse problem = checkSession(request);
            if (problem != null) {
                return problem;
            }
            return RtspResponse.ok().header("Session", id);
        }
        return RtspResponse.ok();
    }

    /**
     * An interleaved frame from the client (on the connection's thread): RTCP on the channel SETUP agreed for it is
     * read, and a BYE ends the stream as PAUSE would (the session ends at TEARDOWN, when the connection closes, or
     * after the session timeout); anything else is ignored.
     */
    void interleaved(int channel, byte[] data) {
        if (transport == null || !transport.tcp() || channel != transport.rtcpChannel()) {
            return;
        }
        if (context.counters().rtcp.accept(data, data.length, this::reportReceived) && stream != null) {
            countBye();
            LOG.debug("RTSP client {} sent RTCP BYE; its stream of {} ends", client.getHostAddress(),
                    lease.feed().camera());
            stopStream();
        }
    }

    /**
     * RTCP from the client's UDP port (on the UDP sink's reading thread): a BYE ends the stream. Only thread-safe
     * calls here: the stream and the feed are read once from volatile fields, and removing and closing a client are
     * thread-safe; the session's own fields are left to its connection thread.
     */
    private void rtcpOverUdp(byte[] data) {
        if (context.counters().rtcp.accept(data, data.length, this::reportReceived)) {
            ClientStream playing = stream;
            CameraFeeds.Lease held = lease;
            if (playing != null && held != null) {
                countBye();
                LOG.debug("RTSP client {} sent RTCP BYE over UDP; its stream ends", client.getHostAddress());
                held.feed().removeClient(playing);
                playing.close();
            }
        }
    }

    /**
     * A receiver report block from the client (connection or UDP RTCP thread): counted for the camera and kept as
     * the playing client's latest. Reads the volatile stream and lease once each, as {@link #rtcpOverUdp} does.
     */
    private void reportReceived(ReceiverReport report) {
        CameraFeeds.Lease held = lease;
        if (held != null) {
            context.counters().stream(held.feed().camera()).receiverReports.increment();
        }
        ClientStream playing = stream;
        if (playing != null) {
            playing.received(report);
        }
    }

    private void countBye() {
        CameraFeeds.Lease held = lease;
        if (held != null) {
            context.counters().stream(held.feed().camera()).byes.increment();
        }
    }

    /** The client sent nothing for the session timeout (on the connection's thread, before {@link #close()}). */
    void timedOut() {
        if (lease != null) {
            context.counters().stream(lease.feed().camera()).sessionTimeouts.increment();
        }
    }

    /** Ends the session: the stream, its socket and the lease on the camera. */
    @Override
    public void close() {
        stopStream();
        closeSink();
        if (setUpOn != null) {
            setUpOn.sessions.decrementAndGet();
            setUpOn = null;
        }
        transport = null;
        id = null;
        releaseLease();
    }

    private RtspResponse checkSession(RtspRequest request) {
        if (id == null || !id.equals(request.session())) {
            return RtspResponse.error(454, id == null ? "no session: SETUP first" : "this connection's session is "
                    + id);
        }
        return null;
    }

    /** Takes a lease on the camera's feed unless this connection has it; an error response if that fails. */
    private RtspResponse leaseFor(String camera) {
        if (lease != null && lease.feed().camera().equals(camera)) {
            return null;
        }
        if (transport != null) {
            return RtspResponse.error(455, "this connection watches camera " + lease.feed().camera()
                    + "; TEARDOWN first or open another connection");
        }
        releaseLease();
        try {
            lease = context.feeds().acquire(camera);
            context.counters().stream(camera);
            return null;
        } catch (StreamUnavailableException e) {
            return RtspResponse.error(404, e.getMessage());
        }
    }

    private void droppedAsTooSlow(ClientStream.Reason reason) {
        if (reason == ClientStream.Reason.QUEUE_FULL) {
            context.counters().slowClientsDropped.incrementAndGet();
        }
        dropConnection.run();
    }

    private void stopStream() {
        if (stream != null) {
            lease.feed().removeClient(stream);
            stream.close();
            stream = null;
        }
    }

    private void closeSink() {
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }

    private void releaseLease() {
        if (lease != null) {
            lease.close();
            lease = null;
        }
    }

    /** The presentation's URL: the request URI without a track suffix or trailing slash. */
    static String baseUrl(String uri) {
        String base = uri;
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/" + Sdp.TRACK)) {
            base = base.substring(0, base.length() - Sdp.TRACK.length() - 1);
        }
        return base;
    }
}
