package io.kapture.processor.motion.internal;

/**
 * What {@link MotionDetector} found in one frame: how many cells of the region changed and where. One instance is
 * reused for every frame so that analysis allocates nothing.
 *
 * <p>Threading contract: not thread-safe; owned by the thread that analyses frames.
 */
final class Measurement {

    /** Cells that differ from the reference by at least the threshold. */
    int changedCells;
    /** Cells in the region of interest. */
    int totalCells;
    /** Bounding box of the changed cells in frame pixels; meaningless when {@link #changedCells} is 0. */
    int x;
    int y;
    int width;
    int height;

    /** Share of the region that changed, 0 to 1. */
    double score() {
        return totalCells == 0 ? 0 : (double) changedCells / totalCells;
    }

    void clear(int cells) {
        changedCells = 0;
        totalCells = cells;
        x = 0;
        y = 0;
        width = 0;
        height = 0;
    }
}
