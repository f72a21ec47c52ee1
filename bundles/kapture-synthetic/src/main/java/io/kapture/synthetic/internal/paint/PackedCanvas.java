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
    public final void fill(ByteBuffer target, Rect area, Colour colour) {
        Rect clipped = area.clip(width, height);
        if (clipped.isEmpty()) {
            return;
        }
        int length = clipped.width() * bytesPerPixel;
        for (int i = 0; i < clipped.width(); i++) {
            encode(line, i * bytesPerPixel, clipped.x() + i, colour);
        }
        int stride = width * bytesPerPixel;
        int offset = clipped.y() * stride + clipped.x() * bytesPerPixel;
        for (int row = 0; row < clipped.height(); row++, offset += stride) {
            target.put(offset, line, 0, length);
        }
    }

    @Override
    public final void copy(ByteBuffer source, ByteBuffer target, Rect area) {
        Rect clipped = area.clip(width, height);
        if (clipped.isEmpty()) {
            return;
        }
        int length = clipped.width() * bytesPerPixel;
        int stride = width * bytesPerPixel;
        int offset = clipped.y() * stride + clipped.x() * bytesPerPixel;
        for (int row = 0; row < clipped.height(); row++, offset += stride) {
            target.put(offset, source, offset, length);
        }
    }
}
