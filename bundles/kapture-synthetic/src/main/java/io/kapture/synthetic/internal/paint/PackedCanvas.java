package io.kapture.synthetic.internal.paint;

import java.nio.ByteBuffer;

/**
 * Base of the single-plane formats (YUYV, GREY, RGB24, BGR24): a fill is one line pattern written with a bulk
 * put per line, a copy one bulk buffer-to-buffer put per line.
 *
 * <p>Threading contract: one thread at a time (shared scratch line).
 */
abstract class PackedCanvas implements Canvas {
    private final int width;
    private final int height;
    private final int bytesPerPixel;
    private final byte[] line;

    PackedCanvas(int width, int height, int bytesPerPixel) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("canvas size must be positive, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.bytesPerPixel = bytesPerPixel;
        this.line = new byte[width * bytesPerPixel];
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int height() {
        return height;
    }

    @Override
    public int imageSize() {
        return width * height * bytesPerPixel;
    }

    /** Writes the bytes of the pixel at column {@code x} into {@code line} at {@code offset}. */
    abstract void encode(byte[] line, int offset, int x, Colour colour);

    @Override
    public final void fill(ByteBuffer target, int x, int y, int areaWidth, int areaHeight, Colour colour) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int right = Math.min(width, x + areaWidth);
        int bottom = Math.min(height, y + areaHeight);
        if (right <= left || bottom <= top) {
            return;
        }
        int length = (right - left) * bytesPerPixel;
        for (int column = left; column < right; column++) {
            encode(line, (column - left) * bytesPerPixel, column, colour);
        }
        int stride = width * bytesPerPixel;
        int offset = top * stride + left * bytesPerPixel;
        for (int row = top; row < bottom; row++, offset += stride) {
            target.put(offset, line, 0, length);
        }
    }

    @Override
    public final void copy(ByteBuffer source, ByteBuffer target, int x, int y, int areaWidth, int areaHeight) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int right = Math.min(width, x + areaWidth);
        int bottom = Math.min(height, y + areaHeight);
        if (right <= left || bottom <= top) {
            return;
        }
        int length = (right - left) * bytesPerPixel;
        int stride = width * bytesPerPixel;
        int offset = top * stride + left * bytesPerPixel;
        for (int row = top; row < bottom; row++, offset += stride) {
            target.put(offset, source, offset, length);
        }
    }
}
