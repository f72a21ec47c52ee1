package io.kapture.v4l2.sim;

import java.util.Comparator;

import io.kapture.api.PixelFormat;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.sim.SimCamera.SimFormat;

/**
 * Image geometry and size rounding as a simple driver does it, and the sample pattern the simulation writes into
 * the planes of multi-plane formats. Multi-plane formats are laid out as an ISP does: luma lines padded to 32
 * bytes, chroma lines to 64 (so YUV420M's chroma stride is not always half the luma stride), and each chroma
 * plane's data starting {@link #CHROMA_DATA_OFFSET} bytes into its buffer. Stateless; thread-safe.
 */
public final class SimFormats {

    /** Where the data of a multi-plane format's chroma planes starts in their buffers ({@code data_offset}). */
    public static final int CHROMA_DATA_OFFSET = 64;

    private SimFormats() {
    }

    /** The nearest offered size: the closest discrete one, or the request clamped and rounded into the range. */
    static int[] closest(SimFormat format, int width, int height) {
        if (format.stepwise() != null) {
            int[] r = format.stepwise();
            return new int[] {round(width, r[0], r[1], r[2]), round(height, r[3], r[4], r[5])};
        }
        return format.sizes().stream()
                .min(Comparator.comparingInt(s -> Math.abs(s[0] - width) + Math.abs(s[1] - height))).orElseThrow();
    }

    private static int round(int value, int min, int max, int step) {
        int clamped = Math.max(min, Math.min(max, value));
        return min + (clamped - min) / step * step;
    }

    /**
     * The planes of an image: for each, {bytes per line, size of its data, data offset}. Single-plane formats
     * have one.
     */
    static int[][] planes(int fourcc, int width, int height) {
        int chromaLines = fourcc == V4l2.PIX_FMT_NV16M ? height : (height + 1) / 2;
        if (fourcc == V4l2.PIX_FMT_NV12M || fourcc == V4l2.PIX_FMT_NV21M || fourcc == V4l2.PIX_FMT_NV16M) {
            int stride = align(width, 32);
            return new int[][] {{stride, stride * height, 0},
                {stride, stride * chromaLines, CHROMA_DATA_OFFSET}};
        }
        if (fourcc == V4l2.PIX_FMT_YUV420M || fourcc == V4l2.PIX_FMT_YVU420M) {
            int luma = align(width, 32);
            int chroma = align((width + 1) / 2, 64);
            return new int[][] {{luma, luma * height, 0}, {chroma, chroma * chromaLines, CHROMA_DATA_OFFSET},
                {chroma, chroma * chromaLines, CHROMA_DATA_OFFSET}};
        }
        return new int[][] {{bytesPerLine(fourcc, width), sizeImage(fourcc, width, height), 0}};
    }

    /**
     * The byte the simulation writes at {@code row}, {@code column} of {@code plane} of frame {@code sequence} of a
     * multi-plane format: different in every plane, line and frame, so a packed frame shows where each byte came
     * from. (The first eight bytes of plane 0 hold the sequence number instead, as in every simulated frame.)
     */
    public static byte sample(int plane, int row, int column, long sequence) {
        return (byte) (plane * 85 + row * 7 + column * 3 + sequence * 11);
    }

    /** The single-plane formats with a luma plane of one byte per pixel, as drivers lay them out. */
    private static boolean isPlanar(int fourcc) {
        return fourcc == PixelFormat.NV12.fourcc() || fourcc == PixelFormat.NV21.fourcc()
                || fourcc == PixelFormat.YV12.fourcc() || fourcc == PixelFormat.NV16.fourcc();
    }

    private static int align(int value, int to) {
        return (value + to - 1) / to * to;
    }

    static int bytesPerLine(int fourcc, int width) {
        if (fourcc == PixelFormat.MJPEG.fourcc() || fourcc == PixelFormat.H264.fourcc()) {
            return 0;
        }
        if (isPlanar(fourcc)) {
            return width;
        }
        return width * 2;
    }

    static int sizeImage(int fourcc, int width, int height) {
        if (isPlanar(fourcc)) {
            return PixelFormat.ofFourcc(fourcc).minImageSize(width, height);
        }
        if (fourcc == PixelFormat.MJPEG.fourcc() || fourcc == PixelFormat.H264.fourcc()) {
            return width * height;
        }
        return width * height * 2;
    }
}
