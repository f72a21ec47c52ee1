package io.kapture.processor.motion.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.kapture.api.FrameFormat;
import io.kapture.convert.PixelConversion;
import io.kapture.processor.motion.internal.RegionOfInterest.PixelRegion;

/**
 * Frame differencing on the luma plane. Each frame's luma ({@link PixelConversion#toLuma}) is downsampled inside
 * the region of interest to square cells by their mean, and each cell is compared with a reference: a running
 * average of earlier frames ({@code adaptation} 1 makes it simply the previous frame). Cells whose mean differs
 * by at least the threshold are changed; their count and bounding box go to the {@link Measurement}.
 *
 * <p>Cost and memory: one pass over the luma bytes of the region plus one pass over the cells. The arrays are
 * sized for a frame format on its first frame and reused after that, so frames are analysed without allocation
 * once warmed up; a format change reallocates them and starts a new reference. MJPEG frames are decoded straight
 * into the luma array (libjpeg-turbo where installed, no allocation either), in the same video range (16..235) as
 * the Y samples of YUV formats, so one threshold means the same for every format.
 *
 * <p>Threading contract: not thread-safe; one thread analyses all frames (a listener's delivery thread).
 */
final class MotionDetector {

    /** Fixed-point scale of cell means and the reference: 8 fraction bits. */
    private static final int SHIFT = 8;

    private final DetectorSettings settings;
    private final int thresholdFixed;

    private FrameFormat format;
    private PixelRegion region;
    private int cell;
    private int columns;
    private int rows;
    private byte[] luma;
    private int[] rowSums;
    private int[] reference;
    private boolean primed;

    MotionDetector(DetectorSettings settings) {
        this.settings = settings;
        this.thresholdFixed = settings.threshold() << SHIFT;
    }

    /**
     * Compares a frame with the reference and folds it into the reference.
     *
     * @param data   the image between position and limit; left unchanged
     * @param format its format
     * @param out    receives the measurement
     * @return false if the frame only started a new reference (the first frame, or the first after a format
     *         change), so {@code out} says nothing
     * @throws IllegalArgumentException if the format cannot be read as luma (H.264) or the data is short
     */
    boolean analyse(ByteBuffer data, FrameFormat format, Measurement out) {
        if (!format.equals(this.format)) {
            prepare(format);
        }
        PixelConversion.toLuma(data, format, luma);
        out.clear(columns * rows);
        if (!primed) {
            sumCells(null, null);
            primed = true;
            return false;
        }
        sumCells(out, reference);
        return true;
    }

    private void prepare(FrameFormat newFormat) {
        format = newFormat;
        region = settings.region().inPixels(newFormat.width(), newFormat.height());
        cell = Math.min(settings.cellSize(), Math.min(region.width(), region.height()));
        columns = region.width() / cell;
        rows = region.height() / cell;
        luma = new byte[newFormat.width() * newFormat.height()];
        rowSums = new int[columns];
        reference = new int[columns * rows];
        primed = false;
    }

    /**
     * Sums each cell's luma and compares its mean with the reference, row of cells by row of cells. With
     * {@code out == null} the means become the reference as they are (priming).
     */
    private void sumCells(Measurement out, int[] compareWith) {
        int width = format.width();
        int area = cell * cell;
        int minColumn = Integer.MAX_VALUE;
        int maxColumn = -1;
        int minRow = Integer.MAX_VALUE;
        int maxRow = -1;
        int changed = 0;
        int weight = settings.adaptation256();
        for (int row = 0; row < rows; row++) {
            Arrays.fill(rowSums, 0);
            int top = region.y() + row * cell;
            for (int line = 0; line < cell; line++) {
                int p = (top + line) * width + region.x();
                for (int column = 0; column < columns; column++) {
                    int sum = 0;
                    for (int end = p + cell; p < end; p++) {
                        sum += luma[p] & 0xff;
                    }
                    rowSums[column] += sum;
                }
            }
            int base = row * columns;
            for (int column = 0; column < columns; column++) {
                int mean = (int) (((long) rowSums[column] << SHIFT) / area);
                if (compareWith == null) {
                    reference[base + column] = mean;
                    continue;
                }
                int before = compareWith[base + column];
                int difference = mean - before;
                if (Math.abs(difference) >= thresholdFixed) {
                    changed++;
                    minColumn = Math.min(minColumn, column);
                    maxColumn = Math.max(maxColumn, column);
                    minRow = Math.min(minRow, row);
                    maxRow = Math.max(maxRow, row);
                }
                reference[base + column] = before + (difference * weight >> SHIFT);
            }
        }
        if (out != null && changed > 0) {
            out.changedCells = changed;
            out.x = region.x() + minColumn * cell;
            out.y = region.y() + minRow * cell;
            out.width = (maxColumn - minColumn + 1) * cell;
            out.height = (maxRow - minRow + 1) * cell;
        }
    }
}
