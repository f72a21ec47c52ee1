package io.kapture.convert.internal;

import static io.kapture.convert.internal.Bt601.CB_TO_B;
import static io.kapture.convert.internal.Bt601.CB_TO_G;
import static io.kapture.convert.internal.Bt601.CR_TO_G;
import static io.kapture.convert.internal.Bt601.CR_TO_R;
import static io.kapture.convert.internal.Bt601.C_OFFSET;
import static io.kapture.convert.internal.Bt601.ROUND;
import static io.kapture.convert.internal.Bt601.SHIFT;
import static io.kapture.convert.internal.Bt601.Y_GAIN;
import static io.kapture.convert.internal.Bt601.Y_OFFSET;
import static io.kapture.convert.internal.Bt601.clamp;

import java.nio.ByteBuffer;

/**
 * The conversion loops from each uncompressed layout to packed 8-bit RGB or BGR. The chroma terms are computed
 * once per pair of pixels that share them, so each pixel costs one multiply and three clamps. Reads use absolute
 * gets only, so the source's position and limit stay as they were and read-only views work; nothing is allocated.
 *
 * <p>Stateless; safe from any thread, as long as no two threads write the same output array.
 */
public final class RgbKernels {

    private RgbKernels() {
    }

    /**
     * Converts the image {@code layout} describes into {@code out}, three bytes per pixel, lines unpadded.
     *
     * @param bgr whether to write B, G, R (as {@code TYPE_3BYTE_BGR} and OpenCV want) instead of R, G, B
     */
    public static void convert(ByteBuffer src, RawLayout layout, byte[] out, boolean bgr) {
        int red = bgr ? 2 : 0;
        int blue = bgr ? 0 : 2;
        switch (layout.pixelFormat()) {
            case YUYV -> packed422(src, layout, 0, 1, 2, 3, out, red, blue);
            case UYVY -> packed422(src, layout, 1, 0, 3, 2, out, red, blue);
            case NV12, YU12, NV21, YV12, NV16 -> planar(src, layout, out, red, blue);
            case GREY -> grey(src, layout, out);
            case RGB24 -> packedRgb(src, layout, 0, 2, out, red, blue);
            case BGR24 -> packedRgb(src, layout, 2, 0, out, red, blue);
            default -> throw new IllegalArgumentException(layout.pixelFormat() + " is not an uncompressed layout");
        }
    }

    /** 4:2:2 packed: each four bytes hold two lumas and the Cb, Cr pair they share, at the given offsets. */
    private static void packed422(ByteBuffer src, RawLayout layout, int y0At, int cbAt, int y1At, int crAt,
            byte[] out, int red, int blue) {
        int o = 0;
        for (int y = 0; y < layout.height(); y++) {
            int end = layout.line(y) + layout.width() * 2;
            for (int p = layout.line(y); p < end; p += 4) {
                int cb = (src.get(p + cbAt) & 0xff) - C_OFFSET;
                int cr = (src.get(p + crAt) & 0xff) - C_OFFSET;
                int r = CR_TO_R * cr + ROUND;
                int g = ROUND - CB_TO_G * cb - CR_TO_G * cr;
                int b = CB_TO_B * cb + ROUND;
                o = pixel(src.get(p + y0At), r, g, b, out, o, red, blue);
                o = pixel(src.get(p + y1At), r, g, b, out, o, red, blue);
            }
        }
    }

    /**
     * The planar formats: a luma plane, then chroma where {@link RawLayout} says, one Cb and one Cr per pixel pair
     * of each chroma line (a 2x2 block in 4:2:0, a 2x1 one in NV16's 4:2:2).
     */
    private static void planar(ByteBuffer src, RawLayout layout, byte[] out, int red, int blue) {
        int step = layout.chromaStep();
        int crDelta = layout.crPlane() - layout.cbPlane();
        int o = 0;
        for (int y = 0; y < layout.height(); y++) {
            int lumaAt = layout.line(y);
            int cbAt = layout.cbPlane() + layout.chromaLine(y) * layout.chromaStride();
            for (int x = 0; x < layout.width(); x += 2, lumaAt += 2, cbAt += step) {
                int cb = (src.get(cbAt) & 0xff) - C_OFFSET;
                int cr = (src.get(cbAt + crDelta) & 0xff) - C_OFFSET;
                int r = CR_TO_R * cr + ROUND;
                int g = ROUND - CB_TO_G * cb - CR_TO_G * cr;
                int b = CB_TO_B * cb + ROUND;
                o = pixel(src.get(lumaAt), r, g, b, out, o, red, blue);
                o = pixel(src.get(lumaAt + 1), r, g, b, out, o, red, blue);
            }
        }
    }

    /** Writes one pixel from its luma byte and its pair's rounded chroma terms; returns the next output index. */
    private static int pixel(byte luma, int r, int g, int b, byte[] out, int o, int red, int blue) {
        int scaled = Y_GAIN * ((luma & 0xff) - Y_OFFSET);
        out[o + red] = (byte) clamp((scaled + r) >> SHIFT);
        out[o + 1] = (byte) clamp((scaled + g) >> SHIFT);
        out[o + blue] = (byte) clamp((scaled + b) >> SHIFT);
        return o + 3;
    }

    /** GREY is shown as it is delivered: full-range grey, R = G = B = the sample. */
    private static void grey(ByteBuffer src, RawLayout layout, byte[] out) {
        int o = 0;
        for (int y = 0; y < layout.height(); y++) {
            int end = layout.line(y) + layout.width();
            for (int p = layout.line(y); p < end; p++) {
                byte v = src.get(p);
                out[o] = v;
                out[o + 1] = v;
                out[o + 2] = v;
                o += 3;
            }
        }
    }

    /** RGB24 and BGR24: a copy per line when the orders match, a swap of R and B otherwise. */
    private static void packedRgb(ByteBuffer src, RawLayout layout, int srcRed, int srcBlue, byte[] out, int red,
            int blue) {
        int lineBytes = layout.width() * 3;
        for (int y = 0; y < layout.height(); y++) {
            int o = y * lineBytes;
            if (srcRed == red) {
                src.get(layout.line(y), out, o, lineBytes);
                continue;
            }
            int end = layout.line(y) + lineBytes;
            for (int p = layout.line(y); p < end; p += 3, o += 3) {
                out[o + red] = src.get(p + srcRed);
                out[o + 1] = src.get(p + 1);
                out[o + blue] = src.get(p + srcBlue);
            }
        }
    }
}
