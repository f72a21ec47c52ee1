package io.kapture.synthetic.internal.paint;

import java.nio.ByteBuffer;

import io.kapture.api.PixelFormat;

/**
 * Paints rectangles into images of one uncompressed pixel format and size, and copies rectangles from one
 * image to another (restoring dirty regions from the template). Buffers are addressed absolutely from index 0;
 * their position and limit are never touched.
 *
 * <p>Rectangles are clipped to the frame. For subsampled formats a rectangle that starts or ends on an odd
 * column (or line, for 4:2:0) also writes the chroma of the pixel pair it shares; painters keep the areas
 * whose chroma matters even-aligned.
 *
 * <p>Threading contract: an instance keeps a scratch line, so it is used by one thread at a time (the painting
 * thread of one capture source).
 */
public interface Canvas {

    /** Pixels per line. */
    int width();

    /** Lines. */
    int height();

    /** Bytes of a whole image. */
    int imageSize();

    /**
     * Sets every pixel of the rectangle at ({@code x}, {@code y}) of {@code width} x {@code height} in
     * {@code target} to {@code colour}. The per-frame painting calls this form: plain coordinates, so painting a
     * frame allocates nothing.
     */
    void fill(ByteBuffer target, int x, int y, int width, int height, Colour colour);

    /** Copies the pixels of the rectangle at ({@code x}, {@code y}) of {@code width} x {@code height}. */
    void copy(ByteBuffer source, ByteBuffer target, int x, int y, int width, int height);

    /** Sets every pixel of {@code area} in {@code target} to {@code colour}. */
    default void fill(ByteBuffer target, Rect area, Colour colour) {
        fill(target, area.x(), area.y(), area.width(), area.height(), colour);
    }

    /** Copies a whole image. */
    default void copyAll(ByteBuffer source, ByteBuffer target) {
        target.put(0, source, 0, imageSize());
    }

    /**
     * The canvas for a pixel format.
     *
     * @throws IllegalArgumentException for a compressed format or one the synthetic camera does not paint
     */
    static Canvas of(PixelFormat format, int width, int height) {
        return switch (format) {
            case YUYV -> new YuyvCanvas(width, height);
            case NV12, NV21, NV16, YV12 -> new PlanarCanvas(format, width, height);
            case GREY -> new GreyCanvas(width, height);
            case RGB24 -> new RgbCanvas(width, height, false);
            case BGR24 -> new RgbCanvas(width, height, true);
            default -> throw new IllegalArgumentException("the synthetic camera cannot paint " + format
                    + " directly; raw formats it paints are YUYV, NV12, NV21, NV16, YV12, GREY, RGB24 and BGR24");
        };
    }
}
