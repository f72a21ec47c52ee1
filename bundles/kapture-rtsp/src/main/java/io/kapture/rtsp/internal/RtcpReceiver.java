package io.kapture.rtsp.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads the RTCP a client sends (RFC 3550 section 6): compound packets of receiver reports, source descriptions,
 * BYE and others. Reports are counted and the last one's loss, jitter and LSR kept (for tests: a non-zero LSR
 * proves the client parsed our sender reports); a BYE says
 * the client leaves; anything malformed is counted and ignored, never trusted for its lengths.
 *
 * <p>Thread-safe: the counters are atomic, the last report is volatile; one thread (the connection's, or the UDP
 * RTCP socket's) feeds it.
 */
final class RtcpReceiver {

    static final int SR = 200;
    static final int RR = 201;
    static final int BYE = 203;

    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong byes = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile int lastFractionLost = -1;
    private volatile long lastJitter = -1;
    private volatile long lastSenderReportSeen = -1;

    /**
     * Takes one datagram or interleaved frame.
     *
     * @param blocks receives the first report block of each receiver or sender report, on the calling thread
     * @return whether it carried a BYE
     */
    boolean accept(byte[] data, int length, Consumer<ReceiverReport> blocks) {
        int at = 0;
        boolean bye = false;
        if (length < 4) {
            malformed.incrementAndGet();
            return false;
        }
        while (at + 4 <= length) {
            int version = (data[at] & 0xC0) >> 6;
            int count = data[at] & 0x1F;
            int type = data[at + 1] & 0xFF;
            int size = (((data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF) + 1) * 4;
            if (version != 2 || at + size > length) {
                malformed.incrementAndGet();
                return bye;
            }
            if (type == RR || type == SR) {
                reports.incrementAndGet();
                int block = at + (type == RR ? 8 : 28);
                if (count > 0 && block + 24 <= at + size) {
                    ReceiverReport report = ReceiverReport.read(data, block);
                    lastFractionLost = report.fractionLost();
                    lastJitter = report.jitter();
                    lastSenderReportSeen = report.lastSenderReport();
                    blocks.accept(report);
                }
            } else if (type == BYE) {
                byes.incrementAndGet();
                bye = true;
            }
            at += size;
        }
        return bye;
    }

    long reports() {
        return reports.get();
    }

    long byes() {
        return byes.get();
    }

    long malformed() {
        return malformed.get();
    }

    /** The last report block's fraction lost (0..255, of 256), or -1 before any. */
    int lastFractionLost() {
        return lastFractionLost;
    }

    /** The last report block's interarrival jitter in RTP ticks, or -1 before any. */
    long lastJitter() {
        return lastJitter;
    }

    /**
     * The last report block's LSR: the middle 32 bits of the NTP time of the last sender report the client got from
     * us (0 if it got none yet), or -1 before any report block.
     */
    long lastSenderReportSeen() {
        return lastSenderReportSeen;
    }
}
