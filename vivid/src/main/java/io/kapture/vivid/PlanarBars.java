package io.kapture.vivid;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a 4:2:0 frame in Kapture's single-plane layout (NV12: luma, then interleaved Cb/Cr lines with the luma
 * stride; YU12: luma, then Cb and Cr planes with half of it) against vivid's 75% colour bars, with the expected
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
     * @param interleaved NV12 (true) or YU12 (false)
     * @param stride      bytes per luma line
     */
    static List<String> problems(ByteBuffer image, boolean interleaved, int width, int height, int stride) {
        List<String> problems = new ArrayList<>();
        int chromaStride = interleaved ? stride : stride / 2;
        int chromaLines = (height + 1) / 2;
        int cbPlane = stride * height;
        int crPlane = cbPlane + chromaStride * chromaLines;
        int needed = interleaved ? crPlane : crPlane + chromaStride * chromaLines;
        if (image.capacity() < needed) {
            problems.add("image has " + image.capacity() + " bytes, fewer than the " + needed + " of a " + width + "x"
                    + height + " " + (interleaved ? "NV12" : "YU12") + " image with " + stride + " bytes per line");
            return problems;
        }
        int mismatches = 0;
        for (int row : ColourBars.rows(height)) {
            int chromaLine = row / 2;
            for (int bar = 0; bar < ColourBars.BARS; bar++) {
                int[] want = ColourBars.expectedYCbCr(bar);
                int from = (bar * width / ColourBars.BARS + width / (ColourBars.BARS * 4)) & ~1;
                int to = ((bar + 1) * width / ColourBars.BARS - width / (ColourBars.BARS * 4)) & ~1;
                for (int x = from; x < to; x += 2) {
                    int y = image.get(row * stride + x) & 0xff;
                    int cb = interleaved ? image.get(cbPlane + chromaLine * chromaStride + x) & 0xff
                            : image.get(cbPlane + chromaLine * chromaStride + x / 2) & 0xff;
                    int cr = interleaved ? image.get(cbPlane + chromaLine * chromaStride + x + 1) & 0xff
                            : image.get(crPlane + chromaLine * chromaStride + x / 2) & 0xff;
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
