package io.kapture.convert.internal;

import java.nio.ByteBuffer;

/**
 * Extracts one luma byte per pixel from each uncompressed layout, for processors that only need brightness
 * (motion detection, exposure checks). Formats that carry luma hand it over untouched, which is the cheapest
 * possible: YUYV, UYVY and the planar formats in video range (16..235), GREY as delivered. RGB24 and BGR24 are weighted
 * with BT.601 into the same video range, so RGB and YUV cameras give comparable values. Absolute reads only;
 * nothing is allocated.
 *
 * <p>Stateless; safe from any thread, as long as no two threads write the same output array.
 */
public final class LumaKernels {

    private LumaKernels() {
    }

    /** Writes {@code layout.pixels()} luma bytes to {@code out}, lines unpadded. */
    public static void extract(ByteBuffer src, RawLayout layout, byte[] out) {
        switch (layout.pixelFormat()) {
            case YUYV -> everySecondByte(src, layout, 0, out);
            case UYVY -> everySecondByte(src, layout, 1, out);
            case NV12, YU12, NV21, YV12, NV16, GREY -> lumaPlane(src, layout, out);
            case RGB24 -> weighted(src, layout, 0, 2, out);
            case BGR24 -> weighted(src, layout, 2, 0, out);
            default -> throw new IllegalArgumentException(layout.pixelFormat() + " is not an uncompressed layout");
        }
    }

    /** BT.601 video-range luma (16..235) of a full-range R, G, B triple, as RGB24 frames give it. */
    public static int videoLuma(int r, int g, int b) {
        return Bt601.luma(r, g, b);
    }

    private static void everySecondByte(ByteBuffer src, RawLayout layout, int first, byte[] out) {
        int o = 0;
        for (int y = 0; y < layout.height(); y++) {
            int end = layout.line(y) + layout.width() * 2;
            for (int p = layout.line(y) + first; p < end; p += 2) {
                out[o++] = src.get(p);
            }
        }
    }

    private static void lumaPlane(ByteBuffer src, RawLayout layout, byte[] out) {
        for (int y = 0; y < layout.height(); y++) {
            src.get(layout.line(y), out, y * layout.width(), layout.width());
        }
    }

    private static void weighted(ByteBuffer src, RawLayout layout, int red, int blue, byte[] out) {
        int o = 0;
        for (int y = 0; y < layout.height(); y++) {
            int end = layout.line(y) + layout.width() * 3;
            for (int p = layout.line(y); p < end; p += 3) {
                out[o++] = (byte) Bt601.luma(src.get(p + red) & 0xff, src.get(p + 1) & 0xff, src.get(p + blue) & 0xff);
            }
        }
    }
}
