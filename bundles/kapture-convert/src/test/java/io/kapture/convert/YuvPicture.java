package io.kapture.convert;

import java.util.Arrays;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/**
 * A test picture in Y, Cb, Cr with one chroma sample per 2x2 block (so it is exact in both 4:2:2 and 4:2:0),
 * packed into each V4L2 layout with a chosen line stride. Padding bytes are filled with {@link #PAD} so that a
 * converter reading them shows up as a wrong pixel. Not thread-safe; one per test.
 */
final class YuvPicture {

    /** Padding filler: far from any value in the picture. */
    static final byte PAD = (byte) 0xEE;

    final int width;
    final int height;
    final int[][] luma;
    final int[][] cb;
    final int[][] cr;

    /** A picture of distinct, varied samples, all within video range. */
    YuvPicture(int width, int height) {
        this.width = width;
        this.height = height;
        luma = new int[height][width];
        cb = new int[(height + 1) / 2][width / 2];
        cr = new int[(height + 1) / 2][width / 2];
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
        return Bt601Reference.rgb(luma[y][x], cb[y / 2][x / 2], cr[y / 2][x / 2]);
    }

    FrameFormat format(PixelFormat pixelFormat, int stride) {
        return new FrameFormat(width, height, pixelFormat, stride, pack(pixelFormat, stride).length);
    }

    /** The picture in {@code pixelFormat} (YUYV, UYVY, NV12 or YU12) with lines {@code stride} bytes apart. */
    byte[] pack(PixelFormat pixelFormat, int stride) {
        return switch (pixelFormat) {
            case YUYV -> packed422(stride, 0, 1, 2, 3);
            case UYVY -> packed422(stride, 1, 0, 3, 2);
            case NV12 -> planar420(stride, true);
            case YU12 -> planar420(stride, false);
            default -> throw new IllegalArgumentException("not a YUV layout: " + pixelFormat);
        };
    }

    private byte[] packed422(int stride, int y0At, int cbAt, int y1At, int crAt) {
        byte[] data = padded(stride * height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x += 2) {
                int p = y * stride + x * 2;
                data[p + y0At] = (byte) luma[y][x];
                data[p + y1At] = (byte) luma[y][x + 1];
                data[p + cbAt] = (byte) cb[y / 2][x / 2];
                data[p + crAt] = (byte) cr[y / 2][x / 2];
            }
        }
        return data;
    }

    private byte[] planar420(int stride, boolean interleaved) {
        int chromaLines = (height + 1) / 2;
        int chromaStride = interleaved ? stride : stride / 2;
        int cbPlane = stride * height;
        int crPlane = cbPlane + chromaStride * chromaLines;
        byte[] data = padded(interleaved ? crPlane : crPlane + chromaStride * chromaLines);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                data[y * stride + x] = (byte) luma[y][x];
            }
        }
        for (int y = 0; y < chromaLines; y++) {
            for (int x = 0; x < width / 2; x++) {
                if (interleaved) {
                    data[cbPlane + y * stride + 2 * x] = (byte) cb[y][x];
                    data[cbPlane + y * stride + 2 * x + 1] = (byte) cr[y][x];
                } else {
                    data[cbPlane + y * chromaStride + x] = (byte) cb[y][x];
                    data[crPlane + y * chromaStride + x] = (byte) cr[y][x];
                }
            }
        }
        return data;
    }

    private static byte[] padded(int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, PAD);
        return data;
    }
}
