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
        switch (format) {
            case NV12, NV21, NV16, YU12, YV12 -> {
                // planar: the layouts this record describes
            }
            default -> throw new IllegalArgumentException(format + " is not a planar format");
        }
    }

    boolean interleaved() {
        return format != PixelFormat.YU12 && format != PixelFormat.YV12;
    }

    int chromaStride() {
        return interleaved() ? stride : stride / 2;
    }

    int chromaLines() {
        return format == PixelFormat.NV16 ? height : (height + 1) / 2;
    }

    /** The chroma line that luma line {@code row} takes its colour from. */
    int chromaLine(int row) {
        return format == PixelFormat.NV16 ? row : row / 2;
    }

    /** Chroma planes: 1 interleaved, or 2. */
    int chromaPlanes() {
        return interleaved() ? 1 : 2;
    }

    /** Index of the first byte of chroma plane {@code plane} (0 or 1). */
    int chromaPlane(int plane) {
        return stride * height + plane * chromaStride() * chromaLines();
    }

    /** Bytes of each chroma line that hold samples, for an image {@code width} pixels wide. */
    int chromaBytes(int width) {
        return interleaved() ? width : width / 2;
    }

    /** Index of the Cb sample of the pixel pair at even column {@code x} of chroma line {@code line}. */
    int cb(int line, int x) {
        return switch (format) {
            case NV12, NV16 -> chromaPlane(0) + line * stride + x;
            case NV21 -> chromaPlane(0) + line * stride + x + 1;
            case YU12 -> chromaPlane(0) + line * chromaStride() + x / 2;
            default -> chromaPlane(1) + line * chromaStride() + x / 2;
        };
    }

    /** Index of the Cr sample of the pixel pair at even column {@code x} of chroma line {@code line}. */
    int cr(int line, int x) {
        return switch (format) {
            case NV12, NV16 -> chromaPlane(0) + line * stride + x + 1;
            case NV21 -> chromaPlane(0) + line * stride + x;
            case YU12 -> chromaPlane(1) + line * chromaStride() + x / 2;
            default -> chromaPlane(0) + line * chromaStride() + x / 2;
        };
    }

    /** Bytes of the whole image, every line padded to its stride. */
    int size() {
        return chromaPlane(chromaPlanes());
    }
}
