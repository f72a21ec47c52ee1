package io.kapture.v4l2.internal.m2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.kapture.api.encoder.AccessUnit;
import io.kapture.v4l2.V4l2;

/** {@link CodedUnits}' keyframe detection where drivers set no flag, and {@link TimestampBook}'s keys. */
class CodedUnitsTest {

    private static byte[] fwht(int flags) {
        ByteBuffer frame = ByteBuffer.allocate(CodedUnits.FWHT_HEADER_SIZE + 8);
        frame.putInt(0, CodedUnits.FWHT_MAGIC1).putInt(4, CodedUnits.FWHT_MAGIC2).putInt(8, 3).putInt(12, 640)
                .putInt(16, 480).putInt(20, flags).putInt(40, 8);
        return frame.array();
    }

    @Test
    void anFwhtFrameIsAKeyframeByItsHeaderFlag() {
        CodedUnits units = new CodedUnits(V4l2.PIX_FMT_FWHT);
        AccessUnit intra = units.unit(ByteBuffer.wrap(fwht(CodedUnits.FWHT_FLAG_I_FRAME)), 1, 2, false).orElseThrow();
        AccessUnit predicted = units.unit(ByteBuffer.wrap(fwht(0)), 2, 3, false).orElseThrow();
        assertTrue(intra.keyframe());
        assertFalse(predicted.keyframe());
        assertEquals(1, intra.nalUnits().size(), "one unit holding the coded frame");
        assertEquals(CodedUnits.FWHT_HEADER_SIZE + 8, intra.size());
        assertTrue(units.unit(ByteBuffer.allocate(0), 3, 4, true).isEmpty(), "an empty buffer (the LAST one) is no unit");
    }

    @Test
    void anH264IdrIsAKeyframeWithoutTheDriversFlagAndGetsTheParameterSetsAgain() {
        CodedUnits units = new CodedUnits(V4l2.PIX_FMT_H264);
        byte[] first = { 0, 0, 0, 1, 0x67, 0x42, 0, 0x1f, 0, 0, 0, 1, 0x68, (byte) 0xce, 0, 0, 1, 0x65, 1 };
        byte[] later = { 0, 0, 1, 0x65, 2 };
        assertTrue(units.unit(ByteBuffer.wrap(first), 1, 1, false).orElseThrow().keyframe());
        AccessUnit idr = units.unit(ByteBuffer.wrap(later), 2, 2, false).orElseThrow();
        assertTrue(idr.keyframe());
        assertEquals(3, idr.nalUnits().size(), "SPS and PPS put in front of a keyframe that lacks them");
        assertTrue(units.parameters().isPresent());
    }

    @Test
    void timestampKeysAreDistinctMicrosecondsAndFindTheFrameAgain() {
        TimestampBook book = new TimestampBook();
        long first = book.add(10, 5_000_000_400L);
        long second = book.add(11, 5_000_000_900L);
        assertEquals(5_000_000_000L, first, "whole microseconds, as a timeval carries them");
        assertNotEquals(first, second, "two frames in the same microsecond get distinct keys");
        assertEquals(new TimestampBook.Entry(11, 5_000_000_900L), book.take(second));
        assertEquals(new TimestampBook.Entry(10, 5_000_000_400L), book.take(first));
        assertNull(book.take(first));
        assertEquals(1, book.unmatched());
        assertEquals(0, book.pending());
    }
}
