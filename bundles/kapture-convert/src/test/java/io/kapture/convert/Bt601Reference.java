package io.kapture.convert;

/**
 * BT.601 limited-range YCbCr to RGB in floating point, straight from the standard's definitions
 * (E'Y = Kr R + Kg G + Kb B with Kr = 0.299, Kb = 0.114; Y in 16..235, Cb/Cr in 16..240), written independently
 * of the fixed-point coefficients so that it can catch a wrong derivation. Stateless.
 */
final class Bt601Reference {

    static final double KR = 0.299;
    static final double KB = 0.114;
    static final double KG = 1 - KR - KB;

    private Bt601Reference() {
    }

    /** R, G, B (0..255, rounded and clamped) of a Y, Cb, Cr triple. */
    static int[] rgb(int y, int cb, int cr) {
        double luma = (y - 16) / 219.0;
        double pb = (cb - 128) / 224.0;
        double pr = (cr - 128) / 224.0;
        double r = luma + 2 * (1 - KR) * pr;
        double b = luma + 2 * (1 - KB) * pb;
        double g = (luma - KR * r - KB * b) / KG;
        return new int[] { to8Bit(r), to8Bit(g), to8Bit(b) };
    }

    /** Video-range luma (16..235) of full-range R, G, B. */
    static int luma(int r, int g, int b) {
        return (int) Math.round(16 + 219 * (KR * r + KG * g + KB * b) / 255.0);
    }

    private static int to8Bit(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value * 255)));
    }
}
