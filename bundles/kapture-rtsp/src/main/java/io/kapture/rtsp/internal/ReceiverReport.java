package io.kapture.rtsp.internal;

/**
 * One report block of a client's RTCP receiver report (RFC 3550 section 6.4.1), about the stream it receives from
 * us. Immutable; safe from any thread.
 *
 * @param fractionLost      packets lost since the client's previous report, in 256ths (0 to 255)
 * @param cumulativeLost    packets lost since the client started receiving (signed: duplicates can make it negative)
 * @param jitter            interarrival jitter in RTP timestamp units (90 kHz for H.264)
 * @param lastSenderReport  the middle 32 bits of the NTP time of our last sender report it got, 0 before any
 */
record ReceiverReport(int fractionLost, int cumulativeLost, long jitter, long lastSenderReport) {

    /** The RTP clock of H.264 (RFC 6184): jitter ticks per millisecond. */
    static final double TICKS_PER_MILLI = 90.0;

    double jitterMillis() {
        return jitter / TICKS_PER_MILLI;
    }

    /** The block at {@code at}: SSRC, fraction lost, 24-bit cumulative lost, highest sequence, jitter, LSR, DLSR. */
    static ReceiverReport read(byte[] data, int at) {
        int cumulative = (data[at + 5] & 0xFF) << 16 | (data[at + 6] & 0xFF) << 8 | data[at + 7] & 0xFF;
        if ((cumulative & 0x80_0000) != 0) {
            cumulative |= 0xFF00_0000;
        }
        return new ReceiverReport(data[at + 4] & 0xFF, cumulative, readInt(data, at + 12) & 0xFFFF_FFFFL,
                readInt(data, at + 16) & 0xFFFF_FFFFL);
    }

    private static int readInt(byte[] data, int at) {
        return (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8
                | data[at + 3] & 0xFF;
    }
}
