package io.kapture.synthetic.internal.paint;

/**
 * An axis-aligned rectangle of pixels, the unit of painting and of dirty-region bookkeeping.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param x      left column
 * @param y      top line
 * @param width  columns, 0 or more
 * @param height lines, 0 or more
 */
public record Rect(int x, int y, int width, int height) {

    /** The part of this rectangle inside a frame of the given size; may be empty. */
    public Rect clip(int frameWidth, int frameHeight) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int right = Math.min(frameWidth, x + width);
        int bottom = Math.min(frameHeight, y + height);
        if (left == x && top == y && right - left == width && bottom - top == height) {
            return this;
        }
        return new Rect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    /** Whether the rectangle covers no pixel. */
    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }
}
