package io.kapture.synthetic.internal.paint;

/**
 * A colour in both of the encodings the painters write: full-range RGB and BT.601 limited-range YCbCr (luma
 * 16..235, chroma 16..240), the range V4L2 cameras deliver for YUYV and the planar formats.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param r red 0..255
 * @param g green 0..255
 * @param b blue 0..255
 * @param y luma
 * @param u Cb
 * @param v Cr
 */
public record Colour(int r, int g, int b, int y, int u, int v) {

    /** 100% white: the code's 1 bits and the digits. */
    public static final Colour WHITE = ofRgb(255, 255, 255);
    /** Black: the code's 0 bits and the digits' backing. */
    public static final Colour BLACK = ofRgb(0, 0, 0);
    /** The moving box: orange, so that it differs from every bar. */
    public static final Colour BOX = ofRgb(255, 128, 0);
    /** Background of the box-only pattern. */
    public static final Colour BACKGROUND = ofRgb(64, 64, 64);

    /** The eight 100% colour bars, left to right: white, yellow, cyan, green, magenta, red, blue, black. */
    public static final Colour[] BARS = {
        WHITE, ofRgb(255, 255, 0), ofRgb(0, 255, 255), ofRgb(0, 255, 0),
        ofRgb(255, 0, 255), ofRgb(255, 0, 0), ofRgb(0, 0, 255), BLACK,
    };

    /** The colour of these RGB values, converted with the BT.601 matrix to limited-range YCbCr. */
    public static Colour ofRgb(int r, int g, int b) {
        double rn = r / 255.0;
        double gn = g / 255.0;
        double bn = b / 255.0;
        double luma = 0.299 * rn + 0.587 * gn + 0.114 * bn;
        double cb = -0.168736 * rn - 0.331264 * gn + 0.5 * bn;
        double cr = 0.5 * rn - 0.418688 * gn - 0.081312 * bn;
        return new Colour(r, g, b, clamp(Math.round(16 + 219 * luma)), clamp(Math.round(128 + 224 * cb)),
                clamp(Math.round(128 + 224 * cr)));
    }

    /**
     * This colour with luma moved by {@code delta} (the brightness control): Y and each of R, G, B shift by
     * the same amount, clamped; chroma stays.
     */
    public Colour shifted(int delta) {
        if (delta == 0) {
            return this;
        }
        return new Colour(clamp(r + delta), clamp(g + delta), clamp(b + delta), clamp(y + delta), u, v);
    }

    private static int clamp(long value) {
        return (int) Math.max(0, Math.min(255, value));
    }
}
