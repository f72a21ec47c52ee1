package io.kapture.processor.recorder.internal;

/**
 * The few fields of an H.264 sequence parameter set (ITU-T H.264 7.3.2.1.1) an MP4 {@code avcC} box repeats for
 * the high profiles: chroma format and bit depths. Only the SPS's first fields are read, after removing emulation
 * prevention bytes; profiles without those fields (baseline, main, extended) have 4:2:0 and 8 bits by definition.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param profileIdc          profile_idc, the SPS's second byte
 * @param chromaFormatIdc     0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param bitDepthLumaMinus8  luma bit depth less 8
 * @param bitDepthChromaMinus8 chroma bit depth less 8
 */
record SpsFormat(int profileIdc, int chromaFormatIdc, int bitDepthLumaMinus8, int bitDepthChromaMinus8) {

    /**
     * Whether an {@code avcC} for this profile carries the chroma and bit depth fields (ISO/IEC 14496-15 5.3.3.1:
     * profile_idc 100, 110, 122 and 144).
     */
    boolean avcCExtended() {
        return profileIdc == 100 || profileIdc == 110 || profileIdc == 122 || profileIdc == 144;
    }

    /**
     * Reads an SPS NAL unit (header byte included, no start code).
     *
     * @throws IllegalArgumentException if it is no SPS or ends before the fields
     */
    static SpsFormat of(byte[] sps) {
        if (sps.length < 4 || (sps[0] & 0x1F) != 7) {
            throw new IllegalArgumentException("not an H.264 SPS NAL unit (" + sps.length + " bytes)");
        }
        int profile = sps[1] & 0xFF;
        if (!hasChromaFields(profile)) {
            return new SpsFormat(profile, 1, 0, 0);
        }
        Bits bits = new Bits(sps, 4);
        bits.ue(); // seq_parameter_set_id
        int chroma = bits.ue();
        if (chroma == 3) {
            bits.bit(); // separate_colour_plane_flag
        }
        int luma = bits.ue();
        int chromaDepth = bits.ue();
        if (chroma > 3 || luma > 6 || chromaDepth > 6) {
            throw new IllegalArgumentException("H.264 SPS with chroma_format_idc " + chroma + ", bit depths "
                    + (luma + 8) + "/" + (chromaDepth + 8) + ": not a valid stream");
        }
        return new SpsFormat(profile, chroma, luma, chromaDepth);
    }

    /** Profiles whose SPS carries chroma_format_idc and the bit depths (H.264 7.3.2.1.1). */
    private static boolean hasChromaFields(int profile) {
        return switch (profile) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    /** An RBSP bit reader that skips emulation prevention bytes (00 00 03). */
    private static final class Bits {
        private final byte[] data;
        private int index;
        private int bit = 8;
        private int current;
        private int zeros;

        Bits(byte[] data, int from) {
            this.data = data;
            this.index = from;
        }

        int bit() {
            if (bit == 8) {
                if (index >= data.length) {
                    throw new IllegalArgumentException("H.264 SPS ends before its chroma format (" + data.length
                            + " bytes)");
                }
                int next = data[index++] & 0xFF;
                if (zeros >= 2 && next == 3 && index < data.length) {
                    next = data[index++] & 0xFF;
                    zeros = 0;
                }
                zeros = next == 0 ? zeros + 1 : 0;
                current = next;
                bit = 0;
            }
            return current >> (7 - bit++) & 1;
        }

        /** An unsigned Exp-Golomb number. */
        int ue() {
            int leading = 0;
            while (bit() == 0) {
                if (++leading > 31) {
                    throw new IllegalArgumentException("H.264 SPS holds a malformed Exp-Golomb code");
                }
            }
            long value = 0;
            for (int i = 0; i < leading; i++) {
                value = value << 1 | bit();
            }
            return (int) Math.min(Integer.MAX_VALUE, (1L << leading) - 1 + value);
        }
    }
}
