package io.kapture.convert.internal;

/**
 * ITU-R BT.601 limited-range ("video range": Y 16..235, Cb/Cr 16..240) coefficients as 16.16 fixed-point
 * integers, derived from the standard's definitions (Kr = 0.299, Kb = 0.114) rather than typed in, so the
 * tables and their tests rest on the same two numbers.
 *
 * <p>With Y' = Y - 16, Cb' = Cb - 128, Cr' = Cr - 128:
 * R = 1.164 Y' + 1.596 Cr', G = 1.164 Y' - 0.392 Cb' - 0.813 Cr', B = 1.164 Y' + 2.017 Cb'. Integer
 * arithmetic keeps the per-pixel work to multiplies, adds and shifts; the largest intermediate value (about
 * 3.5e7) is far from overflowing an {@code int}.
 *
 * <p>Constants only; safe from any thread.
 */
final class Bt601 {

    /** Luma weight of red in BT.601. */
    public static final double KR = 0.299;
    /** Luma weight of blue in BT.601. */
    public static final double KB = 0.114;
    /** Luma weight of green, what is left of 1. */
    public static final double KG = 1 - KR - KB;

    /** Fraction bits of the fixed-point coefficients. */
    public static final int SHIFT = 16;
    /** Added before shifting right, so the shift rounds to nearest instead of truncating. */
    public static final int ROUND = 1 << (SHIFT - 1);

    private static final double Y_RANGE = 219.0;
    private static final double C_RANGE = 224.0;

    /** 255 / 219: stretches video-range luma to full range. */
    public static final int Y_GAIN = fixed(255.0 / Y_RANGE);
    /** Cr to R: 2 (1 - Kr) 255 / 224. */
    public static final int CR_TO_R = fixed(2 * (1 - KR) * 255.0 / C_RANGE);
    /** Cb to G (subtracted): 2 Kb (1 - Kb) / Kg 255 / 224. */
    public static final int CB_TO_G = fixed(2 * KB * (1 - KB) / KG * 255.0 / C_RANGE);
    /** Cr to G (subtracted): 2 Kr (1 - Kr) / Kg 255 / 224. */
    public static final int CR_TO_G = fixed(2 * KR * (1 - KR) / KG * 255.0 / C_RANGE);
    /** Cb to B: 2 (1 - Kb) 255 / 224. */
    public static final int CB_TO_B = fixed(2 * (1 - KB) * 255.0 / C_RANGE);

    /** R to video-range luma: Kr 219 / 255. */
    public static final int R_TO_Y = fixed(KR * Y_RANGE / 255.0);
    /** G to video-range luma: Kg 219 / 255. */
    public static final int G_TO_Y = fixed(KG * Y_RANGE / 255.0);
    /** B to video-range luma: Kb 219 / 255. */
    public static final int B_TO_Y = fixed(KB * Y_RANGE / 255.0);

    /** Black in video-range luma. */
    public static final int Y_OFFSET = 16;
    /** Zero chroma. */
    public static final int C_OFFSET = 128;

    private Bt601() {
    }

    /**
     * Clamps a converted component to 0..255. Branch-free (the sign bit masks negatives to 0 and values above 255
     * to all ones), because out-of-range results are common in noisy or saturated images and mispredicted branches
     * cost about as much as the arithmetic.
     */
    public static int clamp(int value) {
        int nonNegative = value & ~(value >> 31);
        return (nonNegative | (255 - nonNegative) >> 31) & 0xff;
    }

    /** Video-range luma (16..235) of a full-range R, G, B triple, each 0..255. */
    public static int luma(int r, int g, int b) {
        return Y_OFFSET + ((R_TO_Y * r + G_TO_Y * g + B_TO_Y * b + ROUND) >> SHIFT);
    }

    private static int fixed(double coefficient) {
        return (int) Math.round(coefficient * (1 << SHIFT));
    }
}
