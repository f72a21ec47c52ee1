package io.kapture.rtsp.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One camera's RTSP counters, kept for as long as the server component lives (feeds open and close with their
 * clients, and the server restarts for a new configuration; these go on counting). What is open now (clients by
 * transport, their latest reports, the encoder) is read from the camera's feed instead ({@link StreamFigures}).
 *
 * <p>Thread-safe: every field is atomic. Packets and bytes are added by each client's sending thread, reports and
 * BYEs by connection and UDP RTCP threads, sessions by connection threads.
 */
final class StreamCounters {

    final AtomicInteger sessions = new AtomicInteger();
    final LongAdder packetsSent = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder receiverReports = new LongAdder();
    final LongAdder sessionTimeouts = new LongAdder();
    final LongAdder byes = new LongAdder();

    /** Counts one access unit sent to one client. */
    void sent(FeedUnit unit) {
        packetsSent.add(unit.packets().size());
        bytesSent.add(unit.bytes());
    }
}
