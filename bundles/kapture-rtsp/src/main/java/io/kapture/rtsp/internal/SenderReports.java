package io.kapture.rtsp.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * RTCP sender reports (RFC 3550 section 6.4.1) of a camera's stream, as compound packets: an SR with no report
 * blocks (Kapture receives no RTP) followed by an SDES with the stream's CNAME, which section 6.1 asks every
 * compound packet to carry. The SR ties wall-clock time (NTP format) to the stream's RTP clock, which is what lets a
 * client put our frames on its own timeline and line them up with other streams; it also carries how many packets
 * and payload octets the client was sent.
 *
 * <p>Sent every {@value ClientStream#REPORT_SECONDS} s per client by {@link ClientStream} (RFC 3550 suggests at
 * least 5 s between reports). "Now" in RTP time is found from the last access unit sent: its RTP timestamp plus
 * the time since its capture (capture times are {@link System#nanoTime} scale), so the report's two timestamps name
 * the same instant.
 *
 * <p>Immutable; safe from any thread.
 */
final class SenderReports {

    static final int SR = 200;
    static final int SDES = 202;
    /** Seconds from 1900-01-01 (NTP's epoch) to 1970-01-01. */
    static final long NTP_UNIX_OFFSET = 2_208_988_800L;

    private final int ssrc;
    private final byte[] cname;
    private final LongSupplier nanoClock;
    private final Supplier<Instant> wallClock;

    /**
     * @param ssrc      the stream's synchronization source, as in its RTP packets
     * @param cname     the canonical name in the SDES (at most 255 bytes of UTF-8)
     * @param nanoClock the capture times' clock, {@link System#nanoTime} outside tests
     * @param wallClock wall-clock time, {@link Instant#now} outside tests
     */
    SenderReports(int ssrc, String cname, LongSupplier nanoClock, Supplier<Instant> wallClock) {
        byte[] name = cname.getBytes(StandardCharsets.UTF_8);
        if (name.length > 255) {
            throw new IllegalArgumentException("an RTCP CNAME has at most 255 bytes, '" + cname + "' has "
                    + name.length);
        }
        this.ssrc = ssrc;
        this.cname = name;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
    }

    int ssrc() {
        return ssrc;
    }

    /**
     * The compound SR + SDES for a client that was last sent {@code last}.
     *
     * @param packets the RTP packets sent to the client so far
     * @param octets  the RTP payload octets (headers not counted) sent to it so far
     */
    byte[] report(FeedUnit last, long packets, long octets) {
        long sinceCapture = nanoClock.getAsLong() - last.timestampNanos();
        Instant now = wallClock.get();
        int rtpNow = last.rtpTimestamp() + (int) Math.floorDiv(sinceCapture * 9, 100_000L);
        int sdesLength = 4 + 4 + 2 + cname.length + 1;
        int sdesPadded = (sdesLength + 3) & ~3;
        ByteBuffer packet = ByteBuffer.allocate(28 + sdesPadded);
        packet.put((byte) 0x80).put((byte) SR).putShort((short) (28 / 4 - 1)).putInt(ssrc);
        packet.putInt((int) (now.getEpochSecond() + NTP_UNIX_OFFSET));
        packet.putInt((int) ((((long) now.getNano()) << 32) / 1_000_000_000L));
        packet.putInt(rtpNow).putInt((int) packets).putInt((int) octets);
        packet.put((byte) 0x81).put((byte) SDES).putShort((short) (sdesPadded / 4 - 1)).putInt(ssrc);
        packet.put((byte) 1).put((byte) cname.length).put(cname);
        // the item list ends with a zero byte, then zeros up to the next 32-bit boundary (already zero)
        return packet.array();
    }
}
