package io.kapture.api.encoder;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an H.264 Annex B byte stream (NAL units after {@code 00 00 01} or {@code 00 00 00 01} start codes), as
 * encoders and H.264 cameras deliver it, into NAL units without start codes. Zero bytes before a start code
 * ({@code trailing_zero_8bits}) are not part of the NAL unit before it.
 *
 * <p>Stateless; safe from any thread.
 */
public final class AnnexB {

    private AnnexB() {
    }

    /**
     * The NAL units between {@code data}'s position and limit, read with absolute gets (position and limit are left
     * as they are).
     *
     * @throws IllegalArgumentException if the data does not start with a start code (it is not Annex B: an
     *                                  {@code avcC}-style length prefix, or garbage)
     */
    public static List<byte[]> split(ByteBuffer data) {
        int start = data.position();
        int end = data.limit();
        int first = nextStartCode(data, start, end);
        if (first != start && !onlyZeros(data, start, first)) {
            throw new IllegalArgumentException("H.264 data does not start with an Annex B start code (00 00 01); "
                    + "first bytes: " + hex(data, start, Math.min(end, start + 8)));
        }
        List<byte[]> nals = new ArrayList<>();
        int nalStart = first < 0 ? -1 : first + 3;
        while (nalStart >= 0 && nalStart < end) {
            int next = nextStartCode(data, nalStart, end);
            int nalEnd = next < 0 ? end : next;
            while (nalEnd > nalStart && data.get(nalEnd - 1) == 0) {
                nalEnd--;
            }
            if (nalEnd > nalStart) {
                byte[] nal = new byte[nalEnd - nalStart];
                data.get(nalStart, nal);
                nals.add(nal);
            }
            nalStart = next < 0 ? -1 : next + 3;
        }
        return nals;
    }

    /** Index of the next {@code 00 00 01} at or after {@code from}, or -1. */
    private static int nextStartCode(ByteBuffer data, int from, int end) {
        for (int i = from; i + 2 < end; i++) {
            if (data.get(i + 2) > 1) {
                i += 2;
            } else if (data.get(i) == 0 && data.get(i + 1) == 0 && data.get(i + 2) == 1) {
                return i;
            }
        }
        return -1;
    }

    private static boolean onlyZeros(ByteBuffer data, int from, int to) {
        if (to < 0) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (data.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String hex(ByteBuffer data, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(String.format("%02x ", data.get(i) & 0xFF));
        }
        return text.toString().trim();
    }
}
