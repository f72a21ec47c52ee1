package io.kapture.processor.motion.internal;

import java.util.Locale;

/**
 * The watched part of a frame in percent of its width and height, so that one setting suits every frame size a
 * camera may be switched to. {@link #inPixels} maps it onto a frame.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param x      left edge, percent of the width
 * @param y      top edge, percent of the height
 * @param width  percent of the width
 * @param height percent of the height
 */
record RegionOfInterest(double x, double y, double width, double height) {

    static final RegionOfInterest WHOLE_FRAME = new RegionOfInterest(0, 0, 100, 100);

    /**
     * Reads {@code "x,y,width,height"} in percent.
     *
     * @throws IllegalArgumentException saying what is wrong: the message continues "roi ..." in the caller's
     */
    static RegionOfInterest parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("must be 'x,y,width,height' in percent of the frame (for example"
                    + " '0,0,100,100'), was '" + text + "'");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be four numbers 'x,y,width,height' in percent, '"
                        + parts[i].trim() + "' in '" + text + "' is not a number", e);
            }
        }
        RegionOfInterest region = new RegionOfInterest(values[0], values[1], values[2], values[3]);
        if (!(values[0] >= 0 && values[1] >= 0 && values[2] > 0 && values[3] > 0
                && values[0] + values[2] <= 100.0001 && values[1] + values[3] <= 100.0001)) {
            throw new IllegalArgumentException("must lie within the frame: x and y from 0, width and height above 0,"
                    + " x + width and y + height at most 100; was '" + text + "'");
        }
        return region;
    }

    /** The region on a frame of this size, at least one pixel each way. */
    PixelRegion inPixels(int frameWidth, int frameHeight) {
        int left = Math.min(frameWidth - 1, (int) Math.round(frameWidth * x / 100));
        int top = Math.min(frameHeight - 1, (int) Math.round(frameHeight * y / 100));
        int right = Math.min(frameWidth, (int) Math.round(frameWidth * (x + width) / 100));
        int bottom = Math.min(frameHeight, (int) Math.round(frameHeight * (y + height) / 100));
        return new PixelRegion(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", x, y, width, height);
    }

    /** A rectangle in pixels. */
    record PixelRegion(int x, int y, int width, int height) {
    }
}
