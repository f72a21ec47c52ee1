package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** What counts as one whole JPEG in a driver buffer: start marker, end marker after any zero padding. */
class JpegCompletenessTest {

    private static ByteBuffer buffer(int capacity, int... bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(capacity);
        for (int i = 0; i < bytes.length; i++) {
            buffer.put(i, (byte) bytes[i]);
        }
        return buffer;
    }

    @Test
    void aWholeJpegAndOnePaddedWithZerosAreComplete() {
        ByteBuffer jpeg = buffer(64, 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9);
        assertTrue(JpegCompleteness.complete(jpeg, 9));
        assertTrue(JpegCompleteness.complete(jpeg, 64), "zero padding after the end marker");
    }

    @Test
    void aCutShortOrUnwrittenFrameIsNot() {
        assertFalse(JpegCompleteness.complete(buffer(64, 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9), 7),
                "cut before the end marker");
        assertFalse(JpegCompleteness.complete(buffer(64), 64), "nothing written: all zeros");
        assertFalse(JpegCompleteness.complete(buffer(64, 0x00, 0xD8, 0xFF, 0xD9), 4), "no start marker");
        assertFalse(JpegCompleteness.complete(buffer(64, 0xFF, 0xD8, 0xFF), 3), "too short for both markers");
    }

    @Test
    void bytesUsedBeyondTheBufferIsClampedToIt() {
        assertTrue(JpegCompleteness.complete(buffer(6, 0xFF, 0xD8, 1, 2, 0xFF, 0xD9), 1000));
    }
}
