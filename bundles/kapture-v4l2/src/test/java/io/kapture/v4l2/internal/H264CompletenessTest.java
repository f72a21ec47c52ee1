package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** What counts as one whole H.264 access unit in a driver buffer: Annex B start codes, valid headers, a slice. */
class H264CompletenessTest {

    private static final int[] SPS = {0x67, 0x42, 0xC0, 0x1E, 0xDA};
    private static final int[] PPS = {0x68, 0xCE, 0x3C, 0x80};
    private static final int[] IDR = {0x65, 0x88, 0x84, 0x21, 0xA0};
    private static final int[] P_SLICE = {0x41, 0x9A, 0x02, 0x11};

    /** Joins NAL units with 4-byte start codes into a buffer of {@code capacity}, zero padded. */
    private static ByteBuffer annexB(int capacity, int[]... nals) {
        ByteBuffer buffer = ByteBuffer.allocate(capacity);
        for (int[] nal : nals) {
            buffer.put(new byte[] {0, 0, 0, 1});
            for (int value : nal) {
                buffer.put((byte) value);
            }
        }
        return buffer;
    }

    private static int length(int[]... nals) {
        int length = 0;
        for (int[] nal : nals) {
            length += 4 + nal.length;
        }
        return length;
    }

    @Test
    void aKeyframeWithItsParameterSetsAndAPredictedFrameAreComplete() {
        assertTrue(H264Completeness.complete(annexB(64, SPS, PPS, IDR), length(SPS, PPS, IDR)));
        assertTrue(H264Completeness.complete(annexB(64, P_SLICE), length(P_SLICE)));
        assertTrue(H264Completeness.complete(annexB(64, SPS, PPS, IDR), 64), "zero padding after the unit");
        ByteBuffer threeByteStartCode = ByteBuffer.wrap(new byte[] {0, 0, 1, 0x41, (byte) 0x9A, 0x02});
        assertTrue(H264Completeness.complete(threeByteStartCode, 6));
    }

    @Test
    void aUnitWithoutPictureDataIsNot() {
        assertFalse(H264Completeness.complete(annexB(64, SPS, PPS, IDR), length(SPS, PPS)),
                "cut after the parameter sets, before the slice");
        assertFalse(H264Completeness.complete(annexB(64, SPS, PPS, IDR), length(SPS, PPS) + 3),
                "cut inside the start code before the slice");
    }

    @Test
    void unwrittenOrForeignBytesAreNot() {
        assertFalse(H264Completeness.complete(ByteBuffer.allocate(64), 64), "nothing written: all zeros");
        assertFalse(H264Completeness.complete(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 1, 0x65}),
                6), "a JPEG, not Annex B");
        assertFalse(H264Completeness.complete(ByteBuffer.wrap(new byte[] {0, 1, 0x65, 0x11}), 4),
                "one zero is no start code");
        assertFalse(H264Completeness.complete(annexB(64, new int[] {0xE5, 0x11}), 6), "forbidden bit set");
        assertFalse(H264Completeness.complete(annexB(64, IDR, new int[] {0x00, 0x11}), length(IDR) + 6),
                "NAL unit type 0");
    }

    @Test
    void bytesUsedBeyondTheBufferIsClampedToIt() {
        assertTrue(H264Completeness.complete(annexB(length(IDR), IDR), 100_000));
    }
}
