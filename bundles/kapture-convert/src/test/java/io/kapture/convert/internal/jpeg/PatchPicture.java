package io.kapture.convert.internal.jpeg;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.convert.internal.RawLayout;

/**
 * A test picture of flat 16x16 patches, each its own video-range Y, Cb, Cr (saturated primaries, skin, greys, near
 * black and near white), packed into every uncompressed V4L2 layout with padded lines. The patches line up with
 * JPEG's 16x16 blocks, so JPEG keeps their middles within a few levels and any swap of planes, chroma or range shows
 * as a wrong colour. The expected colours come from the BT.601 equations in floating point, independent of the code.
 * Not thread-safe; immutable after construction in practice.
 */
final class PatchPicture {

    static final int PATCH = 16;
    /** Y, Cb, Cr of each patch, row by row (4 columns). */
    private static final int[][] PATCHES = {
        {81, 90, 240}, {145, 54, 34}, {41, 240, 110}, {210, 16, 146},
        {170, 166, 16}, {106, 202, 222}, {16, 128, 128}, {235, 128, 128},
        {126, 128, 128}, {150, 110, 160}, {60, 150, 100}, {200, 100, 180},
    };
    private static final int COLUMNS = 4;

    final int width;
    final int height;

    PatchPicture(int columns, int rows) {
        this.width = columns * PATCH;
        this.height = rows * PATCH;
    }

    /** The standard picture: 4 x 3 patches, 64 x 48 pixels. */
    static PatchPicture standard() {
        return new PatchPicture(4, 3);
    }

    int[] ycbcr(int x, int y) {
        int patch = (y / PATCH * (width / PATCH) + x / PATCH) % PATCHES.length;
        return PATCHES[patch];
    }

    /** R, G, B of pixel (x, y) as BT.601 defines it, clamped to 0..255. */
    int[] expectedRgb(int x, int y) {
        int[] sample = ycbcr(x, y);
        double luma = (sample[0] - 16) * 255.0 / 219.0;
        double cb = (sample[1] - 128) * 255.0 / 224.0;
        double cr = (sample[2] - 128) * 255.0 / 224.0;
        double r = luma + 2 * (1 - 0.299) * cr;
        double b = luma + 2 * (1 - 0.114) * cb;
        double g = (luma - 0.299 * r - 0.114 * b) / 0.587;
        return new int[] {clamp(r), clamp(g), clamp(b)};
    }

    /** The luma sample of pixel (x, y), as a GREY frame of this picture holds it. */
    int luma(int x, int y) {
        return ycbcr(x, y)[0];
    }

    /**
     * Video-range luma of the pixel's expected (clamped) RGB: what an image of the picture, once in RGB, gives back.
     * It differs from {@link #luma} for the patches whose Y, Cb, Cr lie outside the RGB cube.
     */
    int expectedLuma(int x, int y) {
        int[] rgb = expectedRgb(x, y);
        return (int) Math.round(16 + (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) * 219.0 / 255.0);
    }

    FrameFormat format(PixelFormat pixelFormat) {
        return new FrameFormat(width, height, pixelFormat, stride(pixelFormat), data(pixelFormat).length);
    }

    /** The picture in {@code pixelFormat}, lines padded by 8 bytes filled with 0xEE. */
    byte[] data(PixelFormat pixelFormat) {
        int stride = stride(pixelFormat);
        boolean threePlanes = pixelFormat == PixelFormat.YU12 || pixelFormat == PixelFormat.YV12;
        int chromaStride = threePlanes ? stride / 2 : stride;
        int lumaPlane = stride * height;
        int secondPlane = lumaPlane + chromaStride * height / 2;
        int size = switch (pixelFormat) {
            case NV12, NV21 -> lumaPlane + chromaStride * height / 2;
            case YU12, YV12, NV16 -> lumaPlane + chromaStride * height;
            default -> lumaPlane;
        };
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) 0xEE);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] s = ycbcr(x, y);
                int[] rgb = expectedRgb(x, y);
                int line = y * stride;
                switch (pixelFormat) {
                    case YUYV -> packed(data, line + x * 2, x, s, 0, 1, 3);
                    case UYVY -> packed(data, line + x * 2, x, s, 1, 0, 2);
                    case NV12 -> {
                        data[line + x] = (byte) s[0];
                        int c = lumaPlane + y / 2 * chromaStride + x / 2 * 2;
                        data[c] = (byte) s[1];
                        data[c + 1] = (byte) s[2];
                    }
                    case NV21 -> {
                        data[line + x] = (byte) s[0];
                        int c = lumaPlane + y / 2 * chromaStride + x / 2 * 2;
                        data[c] = (byte) s[2];
                        data[c + 1] = (byte) s[1];
                    }
                    case NV16 -> {
                        data[line + x] = (byte) s[0];
                        int c = lumaPlane + y * chromaStride + x / 2 * 2;
                        data[c] = (byte) s[1];
                        data[c + 1] = (byte) s[2];
                    }
                    case YU12, YV12 -> {
                        data[line + x] = (byte) s[0];
                        int c = y / 2 * chromaStride + x / 2;
                        boolean cbFirst = pixelFormat == PixelFormat.YU12;
                        data[(cbFirst ? lumaPlane : secondPlane) + c] = (byte) s[1];
                        data[(cbFirst ? secondPlane : lumaPlane) + c] = (byte) s[2];
                    }
                    case GREY -> data[line + x] = (byte) s[0];
                    case RGB24 -> triple(data, line + x * 3, rgb[0], rgb[1], rgb[2]);
                    case BGR24 -> triple(data, line + x * 3, rgb[2], rgb[1], rgb[0]);
                    default -> throw new IllegalArgumentException("not an uncompressed layout: " + pixelFormat);
                }
            }
        }
        return data;
    }

    ByteBuffer buffer(PixelFormat pixelFormat) {
        return ByteBuffer.wrap(data(pixelFormat));
    }

    RawLayout layout(PixelFormat pixelFormat) {
        return RawLayout.of(buffer(pixelFormat), format(pixelFormat));
    }

    private int stride(PixelFormat pixelFormat) {
        return pixelFormat.minBytesPerLine(width) + 8;
    }

    /** One pixel of a 4:2:2 packed layout: its luma at the even or odd luma slot, the pair's Cb and Cr. */
    private static void packed(byte[] data, int at, int x, int[] s, int lumaAt, int cbAt, int crAt) {
        int pair = at - (x & 1) * 2;
        data[pair + lumaAt + (x & 1) * 2] = (byte) s[0];
        data[pair + cbAt] = (byte) s[1];
        data[pair + crAt] = (byte) s[2];
    }

    private static void triple(byte[] data, int at, int first, int second, int third) {
        data[at] = (byte) first;
        data[at + 1] = (byte) second;
        data[at + 2] = (byte) third;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
