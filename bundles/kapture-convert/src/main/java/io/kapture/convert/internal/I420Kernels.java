package io.kapture.convert.internal;

import java.nio.ByteBuffer;

import io.kapture.api.PixelFormat;

/**
 * Converts each uncompressed layout to packed I420 (YU12 without padding: the luma plane, then the Cb plane, then the
 * Cr plane, each chroma plane {@code (width + 1) / 2} by {@code (height + 1) / 2}), the input video encoders take.
 * Luma is copied untouched where the layout has it (video range stays video range); 4:2:2 chroma is averaged over
 * line pairs; GREY gets neutral chroma; RGB24 and BGR24 are converted with BT.601 into video range, chroma averaged
 * over each 2x2 block. Absolute reads and writes only; nothing is allocated.
 *
 * <p>Stateless; safe from any thread, as long as no two threads write the same output.
 */
public final class I420Kernels {

    private static final double C_SCALE = 224.0 / 255.0;
    /** Blue minus luma to Cb: 224 / 255 / (2 (1 - Kb)), in 16.16. */
    private static final int B_DIFF_TO_CB = (int) Math.round(C_SCALE / (2 * (1 - Bt601.KB)) * (1 << Bt601.SHIFT));
    /** Red minus luma to Cr: 224 / 255 / (2 (1 - Kr)), in 16.16. */
    private static final int R_DIFF_TO_CR = (int) Math.round(C_SCALE / (2 * (1 - Bt601.KR)) * (1 << Bt601.SHIFT));

    private I420Kernels() {
    }

    /** Bytes of a packed I420 image of this size. */
    public static int size(int width, int height) {
        return Math.addExact(Math.multiplyExact(width, height), 2 * ((width + 1) / 2) * ((height + 1) / 2));
    }

    /** Writes the image as I420 into {@code out} from its position on; {@code out} must hold {@link #size}. */
    public static void convert(ByteBuffer src, RawLayout layout, ByteBuffer out) {
        I420Target target = new I420Target(out.position(), layout.width(), layout.height());
        switch (layout.pixelFormat()) {
            case YU12, YV12, NV12, NV21, NV16 -> planar(src, layout, out, target);
            case YUYV -> packed(src, layout, out, target, 0, 1);
            case UYVY -> packed(src, layout, out, target, 1, 0);
            case GREY -> grey(src, layout, out, target);
            case RGB24 -> rgb(src, layout, out, target, 0, 2);
            case BGR24 -> rgb(src, layout, out, target, 2, 0);
            default -> throw new IllegalArgumentException(layout.pixelFormat() + " is not an uncompressed layout");
        }
    }

    private static void planar(ByteBuffer src, RawLayout layout, ByteBuffer out, I420Target target) {
        for (int y = 0; y < layout.height(); y++) {
            out.put(target.luma(y), src, layout.line(y), layout.width());
        }
        int chromaStride = layout.chromaStride();
        int step = layout.chromaStep();
        boolean twoLinesPerRow = layout.pixelFormat() == PixelFormat.NV16;
        for (int row = 0; row < target.chromaHeight(); row++) {
            int line = twoLinesPerRow ? 2 * row : row;
            int next = twoLinesPerRow ? Math.min(line + 1, layout.height() - 1) : line;
            int cb = layout.cbPlane() + line * chromaStride;
            int cr = layout.crPlane() + line * chromaStride;
            int cbNext = layout.cbPlane() + next * chromaStride;
            int crNext = layout.crPlane() + next * chromaStride;
            for (int x = 0; x < target.chromaWidth(); x++) {
                int at = x * step;
                out.put(target.cb(row) + x, (byte) avg(src.get(cb + at), src.get(cbNext + at)));
                out.put(target.cr(row) + x, (byte) avg(src.get(cr + at), src.get(crNext + at)));
            }
        }
    }

    /** YUYV ({@code lumaFirst} 0) or UYVY (1): luma every second byte, Cb and Cr shared by two pixels. */
    private static void packed(ByteBuffer src, RawLayout layout, ByteBuffer out, I420Target target, int lumaAt,
            int chromaAt) {
        for (int y = 0; y < layout.height(); y++) {
            int line = layout.line(y);
            int luma = target.luma(y);
            for (int x = 0; x < layout.width(); x++) {
                out.put(luma + x, src.get(line + 2 * x + lumaAt));
            }
        }
        for (int row = 0; row < target.chromaHeight(); row++) {
            int top = layout.line(2 * row);
            int bottom = layout.line(Math.min(2 * row + 1, layout.height() - 1));
            for (int x = 0; x < target.chromaWidth(); x++) {
                int cb = 4 * x + chromaAt;
                int cr = cb + 2;
                out.put(target.cb(row) + x, (byte) avg(src.get(top + cb), src.get(bottom + cb)));
                out.put(target.cr(row) + x, (byte) avg(src.get(top + cr), src.get(bottom + cr)));
            }
        }
    }

    private static void grey(ByteBuffer src, RawLayout layout, ByteBuffer out, I420Target target) {
        for (int y = 0; y < layout.height(); y++) {
            out.put(target.luma(y), src, layout.line(y), layout.width());
        }
        int chroma = target.chromaWidth() * target.chromaHeight();
        for (int i = 0; i < chroma; i++) {
            out.put(target.cb(0) + i, (byte) Bt601.C_OFFSET);
            out.put(target.cr(0) + i, (byte) Bt601.C_OFFSET);
        }
    }

    private static void rgb(ByteBuffer src, RawLayout layout, ByteBuffer out, I420Target target, int red, int blue) {
        for (int y = 0; y < layout.height(); y++) {
            int line = layout.line(y);
            int luma = target.luma(y);
            for (int x = 0; x < layout.width(); x++) {
                int p = line + 3 * x;
                out.put(luma + x, (byte) Bt601.luma(src.get(p + red) & 0xff, src.get(p + 1) & 0xff,
                        src.get(p + blue) & 0xff));
            }
        }
        for (int row = 0; row < target.chromaHeight(); row++) {
            int top = 2 * row;
            int bottom = Math.min(top + 1, layout.height() - 1);
            for (int x = 0; x < target.chromaWidth(); x++) {
                int left = 2 * x;
                int right = Math.min(left + 1, layout.width() - 1);
                int tl = layout.line(top) + 3 * left;
                int tr = layout.line(top) + 3 * right;
                int bl = layout.line(bottom) + 3 * left;
                int br = layout.line(bottom) + 3 * right;
                int r = sum(src, red, tl, tr, bl, br);
                int g = sum(src, 1, tl, tr, bl, br);
                int b = sum(src, blue, tl, tr, bl, br);
                out.put(target.cb(row) + x, (byte) chroma(b, r, g, b, B_DIFF_TO_CB));
                out.put(target.cr(row) + x, (byte) chroma(r, r, g, b, R_DIFF_TO_CR));
            }
        }
    }

    /** Cb or Cr of a 2x2 block whose components add up to r, g, b (four pixels each): colour minus luma, scaled. */
    private static int chroma(int colour, int r, int g, int b, int gain) {
        int fullLuma4 = (int) Math.round(Bt601.KR * r + Bt601.KG * g + Bt601.KB * b);
        return Bt601.clamp(Bt601.C_OFFSET + ((colour - fullLuma4) * gain / 4 + Bt601.ROUND >> Bt601.SHIFT));
    }

    private static int sum(ByteBuffer src, int component, int p0, int p1, int p2, int p3) {
        return (src.get(p0 + component) & 0xff) + (src.get(p1 + component) & 0xff) + (src.get(p2 + component) & 0xff)
                + (src.get(p3 + component) & 0xff);
    }

    private static int avg(byte a, byte b) {
        return ((a & 0xff) + (b & 0xff) + 1) >> 1;
    }

    /** Where the planes of the output lie. */
    private record I420Target(int base, int width, int height) {

        int chromaWidth() {
            return (width + 1) / 2;
        }

        int chromaHeight() {
            return (height + 1) / 2;
        }

        int luma(int y) {
            return base + y * width;
        }

        int cb(int row) {
            return base + width * height + row * chromaWidth();
        }

        int cr(int row) {
            return cb(0) + chromaWidth() * chromaHeight() + row * chromaWidth();
        }
    }
}
