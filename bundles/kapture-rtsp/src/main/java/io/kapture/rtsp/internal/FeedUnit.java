package io.kapture.rtsp.internal;

import java.util.List;

/**
 * One access unit as RTP packets, made once per camera and shared by all its clients.
 *
 * <p>Immutable by contract (the packet arrays are never modified after packetizing); safe from any thread.
 *
 * @param keyframe       whether a client can start decoding here
 * @param packets        the RTP packets, in order (at least one)
 * @param timestampNanos the frame's capture time
 * @param bytes          bytes of all packets
 * @param payloadBytes   bytes of all packets without their RTP headers (what an RTCP sender report counts)
 */
record FeedUnit(boolean keyframe, List<byte[]> packets, long timestampNanos, int bytes, int payloadBytes) {

    static FeedUnit of(boolean keyframe, List<byte[]> packets, long timestampNanos) {
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("an access unit has at least one RTP packet");
        }
        int bytes = 0;
        for (byte[] packet : packets) {
            bytes += packet.length;
        }
        return new FeedUnit(keyframe, List.copyOf(packets), timestampNanos, bytes,
                bytes - packets.size() * RtpPacketizer.HEADER);
    }

    /** The RTP timestamp its packets carry. */
    int rtpTimestamp() {
        byte[] first = packets.get(0);
        return (first[4] & 0xFF) << 24 | (first[5] & 0xFF) << 16 | (first[6] & 0xFF) << 8 | first[7] & 0xFF;
    }
}
