package io.kapture.vivid;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kapture.api.PixelFormat;

/**
 * Checks a planar frame in Kapture's single-plane layout ({@link PlanarLayout}: NV12, NV21, NV16, YU12, YV12)
 * against vivid's 75% colour bars, with the expected
 * codes, tolerance, sampled rows and bar middles of {@link ColourBars}. Each sampled luma row is checked with the
 * chroma line that covers it.
 *
 * <p>Stateless; thread-safe.
 */
final class PlanarBars {

    private static final int MAX_REPORTED = 6;

    private PlanarBars() {
    }

    /**
     * The problems found, at most a few; empty if the frame shows the bars.
     *
     * @param image       the frame from index 0 (absolute reads only)
     * @param format NV12, NV21, NV16, YU12 or YV12
     * @param stride bytes per luma line
     */
    static List<String> problems(ByteBuffer image, PixelFormat format, int width, int height, int stride) {
        List<String> problems = new ArrayList<>();
        PlanarLayout layout = new PlanarLayout(format, height, stride);
        int needed = layout.size();
        if (image.capacity() < needed) {
            problems.add("image has " + image.capacity() + " bytes, fewer than the " + needed + " of a " + width + "x"
                    + height + " " + format + " image with " + stride + " bytes per line");
            return problems;
        }
        int mismatches = 0;
        for (int row : ColourBars.rows(height)) {
            int chromaLine = layout.chromaLine(row);
            for (int bar = 0; bar < ColourBars.BARS; bar++) {
                int[] want = ColourBars.expectedYCbCr(bar);
                int from = (bar * width / ColourBars.BARS + width / (ColourBars.BARS * 4)) & ~1;
                int to = ((bar + 1) * width / ColourBars.BARS - width / (ColourBars.BARS * 4)) & ~1;
                for (int x = from; x < to; x += 2) {
                    int y = image.get(row * stride + x) & 0xff;
                    int cb = image.get(layout.cb(chromaLine, x)) & 0xff;
                    int cr = image.get(layout.cr(chromaLine, x)) & 0xff;
                    if (ColourBars.off(y, want[0]) || ColourBars.off(cb, want[1]) || ColourBars.off(cr, want[2])) {
                        if (++mismatches <= MAX_REPORTED) {
                            problems.add(String.format(Locale.ROOT, "%s bar at (%d,%d): Y %d Cb %d Cr %d, expected"
                                    + " Y %d Cb %d Cr %d", ColourBars.NAMES[bar], x, row, y, cb, cr, want[0], want[1],
                                    want[2]));
                        }
                    }
                }
            }
        }
        if (mismatches > MAX_REPORTED) {
            problems.add("and " + (mismatches - MAX_REPORTED) + " more pixels off");
        }
        return problems;
    }

    /** The luma of each bar's middle on the first row, for reports: {@code 179/160/130/...}. */
    static String lumaProfile(ByteBuffer image, int width) {
        StringBuilder profile = new StringBuilder();
        for (int bar = 0; bar < ColourBars.BARS; bar++) {
            int x = bar * width / ColourBars.BARS + width / (2 * ColourBars.BARS);
            profile.append(bar == 0 ? "" : "/").append(image.get(x) & 0xff);
        }
        return profile.toString();
    }
}
