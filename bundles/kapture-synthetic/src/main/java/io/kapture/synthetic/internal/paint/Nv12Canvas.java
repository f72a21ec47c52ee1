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
    public void fill(ByteBuffer target, int x, int y, int areaWidth, int areaHeight, Colour colour) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int right = Math.min(width, x + areaWidth);
        int bottom = Math.min(height, y + areaHeight);
        if (right <= left || bottom <= top) {
            return;
        }
        Arrays.fill(line, 0, right - left, (byte) colour.y());
        int offset = top * width + left;
        for (int row = top; row < bottom; row++, offset += width) {
            target.put(offset, line, 0, right - left);
        }
        // the chroma samples (in pairs) that these pixels share
        int chromaLeft = left / 2;
        int chromaRight = (right + 1) / 2;
        int length = (chromaRight - chromaLeft) * 2;
        for (int i = 0; i < length; i += 2) {
            line[i] = (byte) colour.u();
            line[i + 1] = (byte) colour.v();
        }
        offset = width * height + top / 2 * width + chromaLeft * 2;
        for (int row = top / 2; row < (bottom + 1) / 2; row++, offset += width) {
            target.put(offset, line, 0, length);
        }
    }

    @Override
    public void copy(ByteBuffer source, ByteBuffer target, int x, int y, int areaWidth, int areaHeight) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int right = Math.min(width, x + areaWidth);
        int bottom = Math.min(height, y + areaHeight);
        if (right <= left || bottom <= top) {
            return;
        }
        int offset = top * width + left;
        for (int row = top; row < bottom; row++, offset += width) {
            target.put(offset, source, offset, right - left);
        }
        int chromaLeft = left / 2;
        int length = ((right + 1) / 2 - chromaLeft) * 2;
        offset = width * height + top / 2 * width + chromaLeft * 2;
        for (int row = top / 2; row < (bottom + 1) / 2; row++, offset += width) {
            target.put(offset, source, offset, length);
        }
    }
}
