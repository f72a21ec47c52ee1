package io.kapture.rtsp.internal;

import java.util.List;

/**
 * One access unit as RTP packets, made once per camera and shared by all its clients.
 *
 * <p>Immutable by contract (the packet arrays are never modified after packetizing); safe from any thread.
 *
 * @param keyframe       whether a client can start decoding here
 * @param packets        the RTP packets, in order
 * @param timestampNanos the frame's capture time
 * @param bytes          bytes of all packets
 */
record FeedUnit(boolean keyframe, List<byte[]> packets, long timestampNanos, int bytes) {

    static FeedUnit of(boolean keyframe, List<byte[]> packets, long timestampNanos) {
        int bytes = 0;
        for (byte[] packet : packets) {
            bytes += packet.length;
        }
        return new FeedUnit(keyframe, List.copyOf(packets), timestampNanos, bytes);
    }
}
