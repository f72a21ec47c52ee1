package io.kapture.v4l2.internal;

import java.nio.ByteBuffer;

/**
 * Whether an H.264 frame looks like one complete access unit in Annex B form: it starts (after any zero bytes) with a
 * start code ({@code 00 00 01}), every NAL unit after a start code has a valid header (forbidden bit clear, a type
 * other than 0) and at least one of them is a coded slice (types 1 to 5). A buffer nobody wrote (all zeros, or stale
 * bytes without a start code at the start), one cut before its picture data (only parameter sets or SEI arrived) or
 * garbage fails this, and the capture path flags it as corrupted, as {@link JpegCompleteness} does for MJPEG. A slice
 * cut short inside its own data cannot be told from a whole one without decoding it, so that passes.
 *
 * <p>The scan reads the frame once, skipping three bytes wherever the third is above 1 (no start code can end
 * there), so it costs about a third of a read of the frame; the kapture-api {@code AnnexB} splitter would copy every
 * NAL unit, which the capture thread has no use for.
 *
 * <p>Stateless; thread-safe.
 */
final class H264Completeness {

    private static final int FIRST_SLICE_TYPE = 1;
    private static final int LAST_SLICE_TYPE = 5;

    private H264Completeness() {
    }

    /** Whether the first {@code bytesUsed} bytes of {@code memory} (absolute positions from 0) are a whole access unit. */
    static boolean complete(ByteBuffer memory, int bytesUsed) {
        int end = Math.min(bytesUsed, memory.capacity());
        int first = 0;
        while (first < end && memory.get(first) == 0) {
            first++;
        }
        // a start code is two or more zeros, then a one
        if (first < 2 || first >= end - 1 || memory.get(first) != 1) {
            return false;
        }
        boolean slice = false;
        int header = first + 1;
        while (header >= 0) {
            if (header >= end) {
                return false;
            }
            int nal = memory.get(header) & 0xff;
            int type = nal & 0x1F;
            if ((nal & 0x80) != 0 || type == 0) {
                return false;
            }
            slice |= type >= FIRST_SLICE_TYPE && type <= LAST_SLICE_TYPE;
            header = nextNalHeader(memory, header + 1, end);
        }
        return slice;
    }

    /** The index after the next {@code 00 00 01} at or after {@code from}, or -1 if none follows. */
    private static int nextNalHeader(ByteBuffer memory, int from, int end) {
        for (int i = from; i + 2 < end; i++) {
            byte third = memory.get(i + 2);
            if (third != 0 && third != 1) {
                i += 2;
            } else if (third == 1 && memory.get(i) == 0 && memory.get(i + 1) == 0) {
                return i + 3;
            }
        }
        return -1;
    }
}
