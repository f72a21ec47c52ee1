package io.kapture.rtsp.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every connection of one server shares: the feeds, the address it listens on (UDP sockets bind there too),
 * the limits, and the server's counters.
 *
 * <p>Immutable apart from the counters, which are atomic (a concurrent map of atomic ones); safe from any thread.
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

    /**
     * Server-wide counts and each camera's ({@link StreamCounters}), for monitors ({@link RtspServerComponent}
     * keeps one instance across restarts of its server), the log and tests.
     */
    static final class Counters {
        final AtomicLong connections = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong plays = new AtomicLong();
        final AtomicLong slowClientsDropped = new AtomicLong();
        /** What clients sent as RTCP, over TCP and UDP. */
        final RtcpReceiver rtcp = new RtcpReceiver();
        private final Map<String, StreamCounters> streams = new ConcurrentHashMap<>();

        /** The camera's counters, made at its first use; a camera's entry stays (there are few cameras). */
        StreamCounters stream(String camera) {
            return streams.computeIfAbsent(camera, name -> new StreamCounters());
        }

        /** Every camera's counters so far, by name. */
        SortedMap<String, StreamCounters> streams() {
            return new TreeMap<>(streams);
        }
    }
}
