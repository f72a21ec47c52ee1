package io.kapture.vivid;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a YUYV frame against vivid's default test pattern, the 75% colour bars: eight vertical bars of equal
 * width, left to right white, yellow, cyan, green, magenta, red, blue and black, each colour component at 75% of
 * full scale. vivid's documentation says this pattern is generated without colourspace conversion ("a 75%
 * Colorbar should really have 75% signal intensity"), and for Y'CbCr formats on the webcam input it is encoded
 * with the BT.601 matrix in limited range (Y' 16-235, Cb/Cr 16-240). The expected codes are computed here from
 * those definitions, not copied from a capture, and every sampled pixel must be within {@link #TOLERANCE}
 * (vivid's generator rounds through its own fixed-point arithmetic and lands one or two codes off).
 *
 * <p>vivid draws its OSD text (8 or 9 lines of 16 pixels from row 16 down, left part of the image) over the
 * bars, so only rows 0-15 and rows from {@link #FIRST_ROW_BELOW_TEXT} down are sampled, and in each bar only its
 * middle half, away from the edges where 4:2:2 chroma is shared between neighbouring bars.
 *
 * <p>Stateless; thread-safe.
 */
final class ColourBars {

    /** Codes an 8-bit sample may be off the computed value. */
    static final int TOLERANCE = 4;
    /** The OSD text ends by row 16 + 9 * 16 = 160; rows from here on show the bars only. */
    static final int FIRST_ROW_BELOW_TEXT = 176;
    static final int BARS = 8;
    private static final int MAX_REPORTED = 6;

    /** The bars' R'G'B' at 75%, left to right. */
    private static final double[][] RGB = {
        {0.75, 0.75, 0.75}, {0.75, 0.75, 0}, {0, 0.75, 0.75}, {0, 0.75, 0},
        {0.75, 0, 0.75}, {0.75, 0, 0}, {0, 0, 0.75}, {0, 0, 0},
    };
    static final String[] NAMES = {"white", "yellow", "cyan", "green", "magenta", "red", "blue", "black"};

    private ColourBars() {
    }

    /** The expected Y', Cb, Cr codes of bar {@code index}: BT.601 matrix, limited range, 8 bits. */
    static int[] expectedYCbCr(int index) {
        double r = RGB[index][0];
        double g = RGB[index][1];
        double b = RGB[index][2];
        double y = 0.299 * r + 0.587 * g + 0.114 * b;
        double cb = (b - y) / 1.772;
        double cr = (r - y) / 1.402;
        return new int[] {(int) Math.round(16 + 219 * y), (int) Math.round(128 + 224 * cb),
            (int) Math.round(128 + 224 * cr)};
    }

    /**
     * The problems found in a frame, at most a few; empty if it shows the bars.
     *
     * @param image        the frame's bytes from position 0 (absolute reads only; the buffer is not changed)
     * @param width        pixels per line (even)
     * @param height       lines
     * @param bytesPerLine the line stride, at least {@code 2 * width}
     */
    static List<String> problems(ByteBuffer image, int width, int height, int bytesPerLine) {
        List<String> problems = new ArrayList<>();
        if (width < 2 * BARS || height < 1 || bytesPerLine < 2 * width) {
            problems.add("cannot check a " + width + "x" + height + " image with " + bytesPerLine + " bytes per line");
            return problems;
        }
        if (image.capacity() < (long) bytesPerLine * (height - 1) + 2L * width) {
            problems.add("image has " + image.capacity() + " bytes, too few for " + width + "x" + height);
            return problems;
        }
        int mismatches = 0;
        for (int row : rows(height)) {
            for (int bar = 0; bar < BARS; bar++) {
                int[] want = expectedYCbCr(bar);
                int from = (bar * width / BARS + width / (BARS * 4)) & ~1;
                int to = ((bar + 1) * width / BARS - width / (BARS * 4)) & ~1;
                for (int x = from; x < to; x += 2) {
                    int at = row * bytesPerLine + 2 * x;
                    int y0 = image.get(at) & 0xff;
                    int cb = image.get(at + 1) & 0xff;
                    int y1 = image.get(at + 2) & 0xff;
                    int cr = image.get(at + 3) & 0xff;
                    if (off(y0, want[0]) || off(y1, want[0]) || off(cb, want[1]) || off(cr, want[2])) {
                        if (++mismatches <= MAX_REPORTED) {
                            problems.add(String.format(Locale.ROOT, "%s bar at (%d,%d): Y %d/%d Cb %d Cr %d,"
                                    + " expected Y %d Cb %d Cr %d", NAMES[bar], x, row, y0, y1, cb, cr, want[0],
                                    want[1], want[2]));
                        }
                    }
                }
            }
        }
        if (mismatches > MAX_REPORTED) {
            problems.add("and " + (mismatches - MAX_REPORTED) + " more pixel pairs off");
        }
        return problems;
    }

    /** The luma of each bar's middle on the first sampled row, for reports: {@code 179/160/130/...}. */
    static String lumaProfile(ByteBuffer image, int width) {
        StringBuilder profile = new StringBuilder();
        for (int bar = 0; bar < BARS; bar++) {
            int x = (bar * width / BARS + width / (2 * BARS)) & ~1;
            profile.append(bar == 0 ? "" : "/").append(image.get(2 * x) & 0xff);
        }
        return profile.toString();
    }

    /** Rows 0-15, then every 8th row below the OSD text. */
    static List<Integer> rows(int height) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < Math.min(16, height); row++) {
            rows.add(row);
        }
        for (int row = FIRST_ROW_BELOW_TEXT; row < height; row += 8) {
            rows.add(row);
        }
        return rows;
    }

    static boolean off(int actual, int expected) {
        return Math.abs(actual - expected) > TOLERANCE;
    }
}
