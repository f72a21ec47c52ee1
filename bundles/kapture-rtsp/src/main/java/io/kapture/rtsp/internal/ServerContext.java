package io.kapture.rtsp.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every connection of one server shares: the feeds, the address it listens on (UDP sockets bind there too),
 * the limits, and the server's counters.
 *
 * <p>Immutable apart from the counters, which are atomic; safe from any thread.
 *
 * @param feeds              the camera feeds
 * @param address            the listening address
 * @param clientQueueFrames  access units a client's queue holds before the client is dropped
 * @param describeTimeout    how long DESCRIBE waits for a camera's first keyframe
 * @param sessionTimeout     how long a session may stay silent (not playing over TCP) before it is closed
 * @param counters           connection and client counts
 * @param access             who may watch: loopback clients, and others after logging in
 */
record ServerContext(CameraFeeds feeds, InetAddress address, int clientQueueFrames, Duration describeTimeout,
        Duration sessionTimeout, Counters counters, RtspAccess access) {

    /** Server-wide counts, for the log and tests. */
    static final class Counters {
        final AtomicLong connections = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong plays = new AtomicLong();
        final AtomicLong slowClientsDropped = new AtomicLong();
        /** What clients sent as RTCP, over TCP and UDP. */
        final RtcpReceiver rtcp = new RtcpReceiver();
    }
}
