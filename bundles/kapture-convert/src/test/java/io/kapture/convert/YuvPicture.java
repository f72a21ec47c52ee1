package io.kapture.convert;

import java.util.Arrays;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/**
 * A test picture in Y, Cb, Cr with one chroma sample per 2x2 block (so it is exact in both 4:2:2 and 4:2:0), or,
 * built with {@link #chromaPerLine}, per 2x1 block (exact in 4:2:2 only, so a 4:2:2 reader that shares chroma
 * between lines shows), packed into each V4L2 layout with a chosen line stride. Padding bytes are filled with
 * {@link #PAD} so that a converter reading them shows up as a wrong pixel. Not thread-safe; one per test.
 */
final class YuvPicture {

    /** Padding filler: far from any value in the picture. */
    static final byte PAD = (byte) 0xEE;

    final int width;
    final int height;
    final int[][] luma;
    final int[][] cb;
    final int[][] cr;

    /** Luma lines per chroma line: 2, or 1 for a {@link #chromaPerLine} picture. */
    private final int linesPerChroma;

    /** A picture of distinct, varied samples, all within video range. */
    YuvPicture(int width, int height) {
        this(width, height, 2);
    }

    /** A picture whose every line has chroma of its own, for the 4:2:2 layouts (YUYV, UYVY, NV16). */
    static YuvPicture chromaPerLine(int width, int height) {
        return new YuvPicture(width, height, 1);
    }

    private YuvPicture(int width, int height, int linesPerChroma) {
        this.width = width;
        this.height = height;
        this.linesPerChroma = linesPerChroma;
        luma = new int[height][width];
        cb = new int[(height + linesPerChroma - 1) / linesPerChroma][width / 2];
        cr = new int[cb.length][width / 2];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                luma[y][x] = 16 + (x * 37 + y * 53) % 220;
            }
        }
        for (int y = 0; y < cb.length; y++) {
            for (int x = 0; x < width / 2; x++) {
                cb[y][x] = 16 + (x * 71 + y * 29 + 40) % 225;
                cr[y][x] = 16 + (x * 23 + y * 97 + 150) % 225;
            }
        }
    }

    /** What a correct conversion gives for pixel (x, y): R, G, B. */
    int[] expectedRgb(int x, int y) {
        return Bt601Reference.rgb(luma[y][x], cb[y / linesPerChroma][x / 2], cr[y / linesPerChroma][x / 2]);
    }

    FrameFormat format(PixelFormat pixelFormat, int stride) {
        return new FrameFormat(width, height, pixelFormat, stride, pack(pixelFormat, stride).length);
    }

    /** The picture in {@code pixelFormat}, a YUV layout, with lines {@code stride} bytes apart. */
    byte[] pack(PixelFormat pixelFormat, int stride) {
        if (linesPerChroma == 1 && !is422(pixelFormat)) {
            throw new IllegalArgumentException("a picture with chroma on every line has no exact " + pixelFormat);
        }
        return switch (pixelFormat) {
            case YUYV -> packed422(stride, 0, 1, 2, 3);
            case UYVY -> packed422(stride, 1, 0, 3, 2);
            case NV12 -> semiPlanar(stride, (height + 1) / 2, 2, 0, 1);
            case NV21 -> semiPlanar(stride, (height + 1) / 2, 2, 1, 0);
            case NV16 -> semiPlanar(stride, height, 1, 0, 1);
            case YU12 -> threePlanes(stride, true);
            case YV12 -> threePlanes(stride, false);
            default -> throw new IllegalArgumentException("not a YUV layout: " + pixelFormat);
        };
    }

    private static boolean is422(PixelFormat pixelFormat) {
        return pixelFormat == PixelFormat.YUYV || pixelFormat == PixelFormat.UYVY || pixelFormat == PixelFormat.NV16;
    }

    private byte[] packed422(int stride, int y0At, int cbAt, int y1At, int crAt) {
        byte[] data = padded(stride * height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x += 2) {
                int p = y * stride + x * 2;
                data[p + y0At] = (byte) luma[y][x];
                data[p + y1At] = (byte) luma[y][x + 1];
                data[p + cbAt] = (byte) cb[y / linesPerChroma][x / 2];
                data[p + crAt] = (byte) cr[y / linesPerChroma][x / 2];
            }
        }
        return data;
    }

    /**
     * A luma plane, then {@code chromaLines} lines of interleaved chroma with the luma stride, each covering
     * {@code lumaLinesPerChromaLine} luma lines (2 for 4:2:0, 1 for 4:2:2); Cb at {@code cbAt} and Cr at {@code crAt}
     * within each pair.
     */
    private byte[] semiPlanar(int stride, int chromaLines, int lumaLinesPerChromaLine, int cbAt, int crAt) {
        int cbPlane = stride * height;
        byte[] data = padded(cbPlane + stride * chromaLines);
        writeLuma(data, stride);
        for (int line = 0; line < chromaLines; line++) {
            int sample = line * lumaLinesPerChromaLine / linesPerChroma;
            for (int x = 0; x < width / 2; x++) {
                data[cbPlane + line * stride + 2 * x + cbAt] = (byte) cb[sample][x];
                data[cbPlane + line * stride + 2 * x + crAt] = (byte) cr[sample][x];
            }
        }
        return data;
    }

    /** A luma plane, then two chroma planes at half the stride: Cb first (YU12) or Cr first (YV12). */
    private byte[] threePlanes(int stride, boolean cbFirst) {
        int chromaLines = (height + 1) / 2;
        int chromaStride = stride / 2;
        int firstPlane = stride * height;
        int secondPlane = firstPlane + chromaStride * chromaLines;
        byte[] data = padded(secondPlane + chromaStride * chromaLines);
        writeLuma(data, stride);
        for (int y = 0; y < chromaLines; y++) {
            for (int x = 0; x < width / 2; x++) {
                data[(cbFirst ? firstPlane : secondPlane) + y * chromaStride + x] = (byte) cb[y][x];
                data[(cbFirst ? secondPlane : firstPlane) + y * chromaStride + x] = (byte) cr[y][x];
            }
        }
        return data;
    }

    private void writeLuma(byte[] data, int stride) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                data[y * stride + x] = (byte) luma[y][x];
            }
        }
    }

    private static byte[] padded(int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, PAD);
        return data;
    }
}
