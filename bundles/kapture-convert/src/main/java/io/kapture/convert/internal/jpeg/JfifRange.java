package io.kapture.convert.internal.jpeg;

/**
 * Lookup tables between the two YCbCr ranges Kapture meets: cameras deliver ITU-R BT.601 video range (Y 16..235,
 * Cb/Cr 16..240), JPEG (JFIF) stores the same BT.601 transform in full range (0..255). Both use Kr = 0.299 and
 * Kb = 0.114, so moving YUV samples into a JPEG needs only this per-sample rescaling, no RGB round trip: a
 * video-range frame packed through these tables decodes to the very RGB that {@code PixelConversion} computes.
 * Out-of-range samples (noise below 16, above 235) clamp to 0 and 255 as the RGB path's clamp does.
 *
 * <p>Immutable tables; safe from any thread.
 */
final class JfifRange {

    /** Video-range luma to full range: (Y - 16) 255 / 219. */
    static final byte[] LUMA_TO_FULL = table(16, 255.0 / 219.0, 0);
    /** Video-range chroma to full range: (C - 128) 255 / 224 + 128. */
    static final byte[] CHROMA_TO_FULL = table(128, 255.0 / 224.0, 128);
    /** Full-range luma (a decoded JPEG's Y) to video range: 16 + Y 219 / 255, as YUV cameras give it. */
    static final byte[] LUMA_TO_VIDEO = table(0, 219.0 / 255.0, 16);

    private JfifRange() {
    }

    private static byte[] table(int offset, double gain, int bias) {
        byte[] table = new byte[256];
        for (int v = 0; v < 256; v++) {
            long scaled = Math.round((v - offset) * gain) + bias;
            table[v] = (byte) Math.max(0, Math.min(255, scaled));
        }
        return table;
    }

    /** Replaces {@code length} bytes of {@code line} from 0 by their entries in {@code table}. */
    static void map(byte[] line, int length, byte[] table) {
        for (int i = 0; i < length; i++) {
            line[i] = table[line[i] & 0xff];
        }
    }
}
