package io.kapture.vivid;

import io.kapture.api.PixelFormat;

/**
 * Where the samples of a planar frame lie in Kapture's single-plane layout, as V4L2 defines it: a luma plane of
 * {@code stride}-byte lines, then NV12's, NV21's or NV16's interleaved chroma lines with the same stride (Cb first,
 * Cr first, Cb first), or YU12's or YV12's two chroma planes with half of it (Cb then Cr, Cr then Cb). NV16 has a
 * chroma line per luma line, the 4:2:0 formats one per two.
 *
 * <p>Immutable; thread-safe.
 *
 * @param format NV12, NV21, NV16, YU12 or YV12
 * @param height luma lines
 * @param stride bytes per luma line
 */
record PlanarLayout(PixelFormat format, int height, int stride) {

    PlanarLayout {
        if (!format.isPlanar()) {
            throw new IllegalArgumentException(format + " is not a planar format");
        }
    }

    int chromaStride() {
        return format.chromaStride(stride);
    }

    int chromaLines() {
        return format.chromaLines(height);
    }

    /** The chroma line that luma line {@code row} takes its colour from. */
    int chromaLine(int row) {
        return format.chromaLineOf(row);
    }

    /** Chroma planes: 1 interleaved, or 2. */
    int chromaPlanes() {
        return format.hasInterleavedChroma() ? 1 : 2;
    }

    /** Index of the first byte of chroma plane {@code plane} (0 or 1). */
    int chromaPlane(int plane) {
        return stride * height + plane * chromaStride() * chromaLines();
    }

    /** Bytes of each chroma line that hold samples, for an image {@code width} pixels wide. */
    int chromaBytes(int width) {
        return format.hasInterleavedChroma() ? width : width / 2;
    }

    /** Index of the Cb sample of the pixel pair at even column {@code x} of chroma line {@code line}. */
    int cb(int line, int x) {
        return sample(line, x, format.isCbFirst() ? 0 : 1);
    }

    /** Index of the Cr sample of the pixel pair at even column {@code x} of chroma line {@code line}. */
    int cr(int line, int x) {
        return sample(line, x, format.isCbFirst() ? 1 : 0);
    }

    /** The pair's first ({@code which} 0) or second (1) chroma sample: in the pair, or in the first or second plane. */
    private int sample(int line, int x, int which) {
        return format.hasInterleavedChroma() ? chromaPlane(0) + line * stride + x + which
                : chromaPlane(which) + line * chromaStride() + x / 2;
    }

    /** Bytes of the whole image, every line padded to its stride. */
    int size() {
        return chromaPlane(chromaPlanes());
    }
}
