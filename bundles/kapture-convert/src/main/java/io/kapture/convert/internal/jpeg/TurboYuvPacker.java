package io.kapture.convert.internal.jpeg;

import java.nio.ByteBuffer;

import io.kapture.convert.internal.RawLayout;

/**
 * Lays an uncompressed frame out as TurboJPEG compresses it, straight from its YUV samples: YUYV, UYVY and the planar
 * formats (NV12, NV21, YU12, YV12, NV16) become full-range 4:2:0 Y, Cb and Cr planes ({@link JfifRange}; 4:2:2 chroma,
 * YUYV's, UYVY's and NV16's, is averaged over line pairs, which is what the RGB path followed by a 4:2:0 encoder does
 * too; NV21's and YV12's Cr-first chroma is put back in Cb, Cr order), GREY one plane as delivered, RGB24 and BGR24
 * unpadded lines. Lines are read in bulk into scratch arrays, mapped, and written in bulk: no colour arithmetic, no
 * per-pixel calls into the buffers, and nothing allocated once the scratch arrays fit the frame width.
 *
 * <p>Plane geometry: the luma plane is {@code width} bytes per line and {@link #paddedHeight} lines (an odd last line
 * is repeated, since 4:2:0 works on line pairs), each chroma plane {@code width / 2} by {@code paddedHeight / 2},
 * Cb after Y and Cr after Cb.
 *
 * <p>Not thread-safe: one per {@link TurboCodec}.
 */
final class TurboYuvPacker {

    private byte[] lineA = new byte[0];
    private byte[] lineB = new byte[0];
    private byte[] luma0 = new byte[0];
    private byte[] luma1 = new byte[0];
    private byte[] cb = new byte[0];
    private byte[] cr = new byte[0];

    static int paddedHeight(int height) {
        return (height + 1) & ~1;
    }

    /** Bytes of the 4:2:0 planes of a {@code width} x {@code height} image. */
    static long planesSize(int width, int height) {
        long luma = (long) width * paddedHeight(height);
        return luma + luma / 2;
    }

    /** Writes the 4:2:0 planes of a YUYV, UYVY or planar image to {@code planes} from index 0. */
    void pack420(ByteBuffer src, RawLayout layout, ByteBuffer planes) {
        fit(layout.width());
        switch (layout.pixelFormat()) {
            case YUYV -> packed422(src, layout, planes, 0, 1, 2, 3);
            case UYVY -> packed422(src, layout, planes, 1, 0, 3, 2);
            case NV12, YU12, NV21, YV12, NV16 -> planar(src, layout, planes);
            default -> throw new IllegalArgumentException(layout.pixelFormat() + " has no YUV planes");
        }
    }

    /** Copies {@code bytesPerPixel} x width bytes of each line to {@code out}, lines unpadded. */
    static void copyLines(ByteBuffer src, RawLayout layout, int bytesPerPixel, ByteBuffer out) {
        int lineBytes = layout.width() * bytesPerPixel;
        for (int y = 0; y < layout.height(); y++) {
            out.put(y * lineBytes, src, layout.line(y), lineBytes);
        }
    }

    private void packed422(ByteBuffer src, RawLayout layout, ByteBuffer planes, int y0At, int cbAt, int y1At,
            int crAt) {
        int width = layout.width();
        int height = layout.height();
        int half = width / 2;
        int cbPlane = width * paddedHeight(height);
        int crPlane = cbPlane + half * (paddedHeight(height) / 2);
        for (int y = 0; y < height; y += 2) {
            int next = Math.min(y + 1, height - 1);
            src.get(layout.line(y), lineA, 0, width * 2);
            src.get(layout.line(next), lineB, 0, width * 2);
            for (int k = 0, i = 0; k < half; k++, i += 4) {
                luma0[2 * k] = lineA[i + y0At];
                luma0[2 * k + 1] = lineA[i + y1At];
                luma1[2 * k] = lineB[i + y0At];
                luma1[2 * k + 1] = lineB[i + y1At];
                cb[k] = (byte) ((lineA[i + cbAt] & 0xff) + (lineB[i + cbAt] & 0xff) + 1 >> 1);
                cr[k] = (byte) ((lineA[i + crAt] & 0xff) + (lineB[i + crAt] & 0xff) + 1 >> 1);
            }
            writeLumaPair(planes, y, width);
            writeChroma(planes, cbPlane, crPlane, y / 2, half);
        }
    }

    private void planar(ByteBuffer src, RawLayout layout, ByteBuffer planes) {
        int width = layout.width();
        int height = layout.height();
        int half = width / 2;
        int cbPlane = width * paddedHeight(height);
        int crPlane = cbPlane + half * (paddedHeight(height) / 2);
        for (int y = 0; y < height; y += 2) {
            src.get(layout.line(y), luma0, 0, width);
            src.get(layout.line(Math.min(y + 1, height - 1)), luma1, 0, width);
            writeLumaPair(planes, y, width);
        }
        boolean fullHeightChroma = layout.chromaLines() == height && height > 1;
        for (int line = 0; line < paddedHeight(height) / 2; line++) {
            if (fullHeightChroma) {
                // NV16: the line pair's two chroma lines averaged, as packed422 does
                int next = Math.min(2 * line + 1, height - 1);
                readInterleaved(src, layout, 2 * line, lineA);
                readInterleaved(src, layout, next, lineB);
                int cbAt = layout.cbPlane() - layout.chromaPlane();
                for (int k = 0, i = 0; k < half; k++, i += 2) {
                    cb[k] = (byte) ((lineA[i + cbAt] & 0xff) + (lineB[i + cbAt] & 0xff) + 1 >> 1);
                    cr[k] = (byte) ((lineA[i + 1 - cbAt] & 0xff) + (lineB[i + 1 - cbAt] & 0xff) + 1 >> 1);
                }
            } else if (layout.chromaStep() == 2) {
                readInterleaved(src, layout, line, lineA);
                int cbAt = layout.cbPlane() - layout.chromaPlane();
                for (int k = 0, i = 0; k < half; k++, i += 2) {
                    cb[k] = lineA[i + cbAt];
                    cr[k] = lineA[i + 1 - cbAt];
                }
            } else {
                src.get(layout.cbPlane() + line * layout.chromaStride(), cb, 0, half);
                src.get(layout.crPlane() + line * layout.chromaStride(), cr, 0, half);
            }
            writeChroma(planes, cbPlane, crPlane, line, half);
        }
    }

    /** The {@code width} bytes of Cb/Cr pairs of chroma line {@code line} of NV12, NV21 or NV16. */
    private static void readInterleaved(ByteBuffer src, RawLayout layout, int line, byte[] into) {
        src.get(layout.chromaPlane() + line * layout.chromaStride(), into, 0, layout.width());
    }

    /** Lines {@code y} and {@code y + 1} of the luma plane from {@code luma0} and {@code luma1}, to full range. */
    private void writeLumaPair(ByteBuffer planes, int y, int width) {
        JfifRange.map(luma0, width, JfifRange.LUMA_TO_FULL);
        JfifRange.map(luma1, width, JfifRange.LUMA_TO_FULL);
        planes.put(y * width, luma0, 0, width);
        planes.put((y + 1) * width, luma1, 0, width);
    }

    private void writeChroma(ByteBuffer planes, int cbPlane, int crPlane, int line, int half) {
        JfifRange.map(cb, half, JfifRange.CHROMA_TO_FULL);
        JfifRange.map(cr, half, JfifRange.CHROMA_TO_FULL);
        planes.put(cbPlane + line * half, cb, 0, half);
        planes.put(crPlane + line * half, cr, 0, half);
    }

    private void fit(int width) {
        if (lineA.length < width * 2) {
            lineA = new byte[width * 2];
            lineB = new byte[width * 2];
        }
        if (luma0.length < width) {
            luma0 = new byte[width];
            luma1 = new byte[width];
            cb = new byte[width / 2];
            cr = new byte[width / 2];
        }
    }
}
