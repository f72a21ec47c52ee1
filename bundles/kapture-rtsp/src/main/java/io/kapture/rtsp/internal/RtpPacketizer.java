package io.kapture.rtsp.internal;

import java.util.ArrayList;
import java.util.List;

import io.kapture.api.encoder.AccessUnit;

/**
 * Turns H.264 access units into RTP packets as RFC 6184 says (packetization mode 1): a NAL unit that fits in one
 * packet goes as it is (single NAL unit packet); a larger one is cut into FU-A fragments, each with the FU indicator
 * (the NAL's F and NRI bits, type 28) and the FU header (start and end bits, the NAL's type). The marker bit is set on
 * the last packet of each access unit. Timestamps run at 90 kHz from the frames' capture times.
 *
 * <p>A camera's packets are made once and shared by all its clients, so every client sees the same SSRC and sequence
 * numbers (as gst-rtsp-server's shared media do).
 *
 * <p>Not thread-safe: used by the one thread that encodes the camera; {@link #nextSequence()} may be read from any
 * thread.
 */
final class RtpPacketizer {

    /** RTP header bytes (no CSRC, no extension). */
    static final int HEADER = 12;
    /** The dynamic payload type the SDP announces. */
    static final int PAYLOAD_TYPE = 96;
    /** The H.264 RTP clock. */
    static final int CLOCK_RATE = 90_000;

    private static final int FU_A = 28;

    private final int maxPayload;
    private final int ssrc;
    private final int timestampBase;
    private volatile int sequence;
    private long firstNanos = Long.MIN_VALUE;

    /**
     * @param maxPacket     bytes of a whole RTP packet at most, header included (1400 keeps UDP packets under a
     *                      typical MTU)
     * @param ssrc          the stream's synchronization source
     * @param firstSequence the first packet's sequence number (random, as RFC 3550 asks)
     * @param timestampBase the RTP timestamp of the first frame (random, likewise)
     */
    RtpPacketizer(int maxPacket, int ssrc, int firstSequence, int timestampBase) {
        if (maxPacket < HEADER + 3) {
            throw new IllegalArgumentException("RTP packets need room for a header and a fragment, " + maxPacket
                    + " bytes is too small");
        }
        this.maxPayload = maxPacket - HEADER;
        this.ssrc = ssrc;
        this.sequence = firstSequence & 0xFFFF;
        this.timestampBase = timestampBase;
    }

    /** The RTP packets of one access unit, in sending order. */
    List<byte[]> packetize(AccessUnit unit) {
        int timestamp = rtpTimestamp(unit.timestampNanos());
        List<byte[]> packets = new ArrayList<>();
        List<byte[]> nals = unit.nalUnits();
        for (int n = 0; n < nals.size(); n++) {
            byte[] nal = nals.get(n);
            boolean lastNal = n == nals.size() - 1;
            if (nal.length <= maxPayload) {
                byte[] packet = header(nal.length, lastNal, timestamp);
                System.arraycopy(nal, 0, packet, HEADER, nal.length);
                packets.add(packet);
            } else {
                fragment(nal, lastNal, timestamp, packets);
            }
        }
        return packets;
    }

    /** The sequence number the next packet will carry. */
    int nextSequence() {
        return sequence;
    }

    int ssrc() {
        return ssrc;
    }

    /** The 90 kHz timestamp of a capture time, counted from the first frame's. */
    int rtpTimestamp(long timestampNanos) {
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = timestampNanos;
        }
        // rounded to the nearest tick: frames 1/30 s apart are exactly 3000 ticks apart, not 2999 or 3000
        long ticks = Math.floorDiv((timestampNanos - firstNanos) * 9 + 50_000L, 100_000L);
        return (int) (timestampBase + ticks);
    }

    private void fragment(byte[] nal, boolean lastNal, int timestamp, List<byte[]> packets) {
        byte indicator = (byte) ((nal[0] & 0xE0) | FU_A);
        int type = nal[0] & 0x1F;
        int chunk = maxPayload - 2;
        for (int at = 1; at < nal.length; at += chunk) {
            int length = Math.min(chunk, nal.length - at);
            boolean start = at == 1;
            boolean end = at + length == nal.length;
            byte[] packet = header(length + 2, lastNal && end, timestamp);
            packet[HEADER] = indicator;
            packet[HEADER + 1] = (byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | type);
            System.arraycopy(nal, at, packet, HEADER + 2, length);
            packets.add(packet);
        }
    }

    private byte[] header(int payload, boolean marker, int timestamp) {
        byte[] packet = new byte[HEADER + payload];
        int seq = sequence;
        sequence = (seq + 1) & 0xFFFF;
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((marker ? 0x80 : 0) | PAYLOAD_TYPE);
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        putInt(packet, 4, timestamp);
        putInt(packet, 8, ssrc);
        return packet;
    }

    private static void putInt(byte[] packet, int at, int value) {
        packet[at] = (byte) (value >>> 24);
        packet[at + 1] = (byte) (value >>> 16);
        packet[at + 2] = (byte) (value >>> 8);
        packet[at + 3] = (byte) value;
    }
}
