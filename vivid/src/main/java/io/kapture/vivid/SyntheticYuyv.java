package io.kapture.vivid;

/**
 * Synthetic YUYV frames for the encoder checks: a horizontal luma ramp, a mild chroma ramp, and a 64x64 bright
 * square that moves 4 pixels right and 2 down per frame: most blocks repeat from frame to frame (what predicted
 * frames are for), a few change. The background is drawn once; each frame copies it and paints the square.
 *
 * <p>Thread-safe: the background is computed once and only read afterwards.
 */
final class SyntheticYuyv {

    static final int SQUARE = 64;
    static final int SQUARE_LUMA = 220;
    /** Columns the square gains on its right per frame: no earlier frame has them bright. */
    static final int STEP_X = 4;

    private final int width;
    private final int height;
    private final byte[] background;

    SyntheticYuyv(int width, int height) {
        this.width = width;
        this.height = height;
        this.background = new byte[width * height * 2];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * 2;
                background[at] = (byte) (32 + x * 160 / width);
                background[at + 1] = (byte) ((x & 1) == 0 ? 96 + y * 64 / height : 160 - x * 64 / width);
            }
        }
    }

    /** Frame {@code index}, {@code width * height * 2} bytes. */
    byte[] frame(int index) {
        byte[] image = background.clone();
        for (int y = top(index); y < top(index) + SQUARE; y++) {
            for (int x = left(index); x < left(index) + SQUARE; x++) {
                image[(y * width + x) * 2] = (byte) SQUARE_LUMA;
            }
        }
        return image;
    }

    /**
     * The mean luma of the square's rightmost {@link #STEP_X} columns in frame {@code index}, which no earlier
     * frame has bright: a decoded frame that is an earlier one than {@code index} shows the background there.
     */
    double leadingEdgeLuma(byte[] frame, int offset, int index) {
        long sum = 0;
        int count = 0;
        for (int y = top(index); y < top(index) + SQUARE; y++) {
            for (int x = left(index) + SQUARE - STEP_X; x < left(index) + SQUARE; x++) {
                sum += frame[offset + (y * width + x) * 2] & 0xFF;
                count++;
            }
        }
        return sum / (double) count;
    }

    private static int left(int index) {
        return 32 + STEP_X * index;
    }

    private static int top(int index) {
        return 32 + 2 * index;
    }
}
