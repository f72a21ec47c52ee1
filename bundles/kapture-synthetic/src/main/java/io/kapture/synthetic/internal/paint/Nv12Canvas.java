package io.kapture.synthetic.internal.paint;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Planar 4:2:0: a luma plane of {@code width x height} bytes, then a plane of interleaved Cb/Cr pairs at half
 * the resolution in both directions (lines of {@code width} bytes). Width and height are even, as negotiation
 * guarantees.
 *
 * <p>Threading contract: one thread at a time (shared scratch line).
 */
final class Nv12Canvas implements Canvas {
    private final int width;
    private final int height;
    private final byte[] line;

    Nv12Canvas(int width, int height) {
        if (width < 2 || height < 2 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("NV12 needs an even width and height, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.line = new byte[width];
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int imageSize() {
        return width * height * 3 / 2;
    }

    @Override
    public void fill(ByteBuffer target, Rect area, Colour colour) {
        Rect luma = area.clip(width, height);
        if (luma.isEmpty()) {
            return;
        }
        Arrays.fill(line, 0, luma.width(), (byte) colour.y());
        int offset = luma.y() * width + luma.x();
        for (int row = 0; row < luma.height(); row++, offset += width) {
            target.put(offset, line, 0, luma.width());
        }
        Rect chroma = chromaOf(luma);
        int length = chroma.width() * 2;
        for (int i = 0; i < length; i += 2) {
            line[i] = (byte) colour.u();
            line[i + 1] = (byte) colour.v();
        }
        offset = width * height + chroma.y() * width + chroma.x() * 2;
        for (int row = 0; row < chroma.height(); row++, offset += width) {
            target.put(offset, line, 0, length);
        }
    }

    @Override
    public void copy(ByteBuffer source, ByteBuffer target, Rect area) {
        Rect luma = area.clip(width, height);
        if (luma.isEmpty()) {
            return;
        }
        int offset = luma.y() * width + luma.x();
        for (int row = 0; row < luma.height(); row++, offset += width) {
            target.put(offset, source, offset, luma.width());
        }
        Rect chroma = chromaOf(luma);
        offset = width * height + chroma.y() * width + chroma.x() * 2;
        for (int row = 0; row < chroma.height(); row++, offset += width) {
            target.put(offset, source, offset, chroma.width() * 2);
        }
    }

    /** The chroma samples (in pairs) that pixels of {@code luma} share. */
    private static Rect chromaOf(Rect luma) {
        int left = luma.x() / 2;
        int top = luma.y() / 2;
        int right = (luma.x() + luma.width() + 1) / 2;
        int bottom = (luma.y() + luma.height() + 1) / 2;
        return new Rect(left, top, right - left, bottom - top);
    }
}
