package io.kapture.synthetic.internal.paint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import io.kapture.api.PixelFormat;

/**
 * The planar YUV formats: a luma plane of {@code width x height} bytes, then the chroma of each pixel pair,
 * where V4L2's single-plane layout puts it:
 * <ul>
 * <li>NV12, NV21: one plane of interleaved pairs at half resolution in both directions (lines of {@code width}
 * bytes), Cb first (NV12) or Cr first (NV21);</li>
 * <li>NV16: the same at full vertical resolution, a chroma line per luma line (4:2:2);</li>
 * <li>YV12: a Cr plane, then a Cb plane, each at half resolution in both directions (lines of {@code width / 2}).
 * </li>
 * </ul>
 * Width and height are even, as negotiation guarantees.
 *
 * <p>Threading contract: one thread at a time (shared scratch line).
 */
final class PlanarCanvas implements Canvas {
    private static final Set<PixelFormat> PAINTED =
            EnumSet.of(PixelFormat.NV12, PixelFormat.NV21, PixelFormat.NV16, PixelFormat.YV12);

    private final PixelFormat format;
    private final int width;
    private final int height;
    private final boolean interleaved;
    private final boolean cbFirst;
    private final int chromaStride;
    private final int chromaLines;
    private final byte[] line;

    PlanarCanvas(PixelFormat format, int width, int height) {
        if (width < 2 || height < 2 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException(format + " needs an even width and height, was " + width + "x"
                    + height);
        }
        if (!PAINTED.contains(format)) {
            throw new IllegalArgumentException(format + " is not a planar format this canvas paints");
        }
        this.format = format;
        this.width = width;
        this.height = height;
        this.interleaved = format.hasInterleavedChroma();
        this.cbFirst = format.isCbFirst();
        this.chromaStride = format.chromaStride(width);
        this.chromaLines = format.chromaLines(height);
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
        return format.minImageSize(width, height);
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
        // the chroma samples that these pixels share
        byte first = (byte) (cbFirst ? colour.u() : colour.v());
        byte second = (byte) (cbFirst ? colour.v() : colour.u());
        int pairs = (right + 1) / 2 - left / 2;
        if (interleaved) {
            for (int i = 0; i < 2 * pairs; i += 2) {
                line[i] = first;
                line[i + 1] = second;
            }
            fillChroma(target, firstPlane() + left / 2 * 2, top, bottom, 2 * pairs);
        } else {
            Arrays.fill(line, 0, pairs, first);
            fillChroma(target, firstPlane() + left / 2, top, bottom, pairs);
            Arrays.fill(line, 0, pairs, second);
            fillChroma(target, secondPlane() + left / 2, top, bottom, pairs);
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
        int pairs = (right + 1) / 2 - left / 2;
        if (interleaved) {
            copyChroma(source, target, firstPlane() + left / 2 * 2, top, bottom, 2 * pairs);
        } else {
            copyChroma(source, target, firstPlane() + left / 2, top, bottom, pairs);
            copyChroma(source, target, secondPlane() + left / 2, top, bottom, pairs);
        }
    }

    /** Writes {@code length} bytes of {@link #line} into the chroma lines of luma lines top..bottom - 1. */
    private void fillChroma(ByteBuffer target, int start, int top, int bottom, int length) {
        for (int row = format.chromaLineOf(top); row <= format.chromaLineOf(bottom - 1); row++) {
            target.put(start + row * chromaStride, line, 0, length);
        }
    }

    private void copyChroma(ByteBuffer source, ByteBuffer target, int start, int top, int bottom, int length) {
        for (int row = format.chromaLineOf(top); row <= format.chromaLineOf(bottom - 1); row++) {
            int offset = start + row * chromaStride;
            target.put(offset, source, offset, length);
        }
    }

    private int firstPlane() {
        return width * height;
    }

    private int secondPlane() {
        return firstPlane() + chromaStride * chromaLines;
    }
}
