package io.kapture.convert.internal;

import java.nio.ByteBuffer;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/**
 * Where the samples of one uncompressed image lie in its buffer, checked once per image so the conversion
 * loops can read without further tests. Lines are {@link #stride()} bytes apart because drivers pad them; a
 * format that says 0 bytes per line is taken as unpadded. Planar chroma follows V4L2's single-plane rules:
 * the interleaved chroma plane of NV12, NV21 and NV16 has the luma stride, the separate Cb and Cr planes of YU12
 * and YV12 half of it. The planar formats differ only in where Cb and Cr start ({@link #cbPlane()},
 * {@link #crPlane()}), how far apart a line's samples are ({@link #chromaStep()}) and whether each luma line has a
 * chroma line of its own (NV16) or shares one with the next (the 4:2:0 formats), so one loop reads them all.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param pixelFormat the layout
 * @param width       pixels per line
 * @param height      lines
 * @param stride      bytes from one line of the first plane to the next
 * @param base        index of the image's first byte in the buffer (the buffer's position)
 */
public record RawLayout(PixelFormat pixelFormat, int width, int height, int stride, int base) {

    /** The uncompressed formats the converters read, as listed in error messages. */
    public static final String SUPPORTED = "YUYV, UYVY, NV12, YU12, NV21, YV12, NV16, GREY, RGB24, BGR24";

    /**
     * The layout of the image between {@code src}'s position and limit.
     *
     * @throws IllegalArgumentException if the format is compressed, its bytes per line are too few for its width,
     *                                  a chroma-subsampled format has an odd width or the buffer is too small
     */
    public static RawLayout of(ByteBuffer src, FrameFormat format) {
        PixelFormat pixelFormat = format.pixelFormat();
        if (pixelFormat.isCompressed()) {
            throw new IllegalArgumentException(pixelFormat + " frames are compressed and cannot be converted pixel "
                    + "by pixel; supported: " + SUPPORTED + ", and MJPEG, which is decoded");
        }
        int width = format.width();
        int height = format.height();
        if (isChromaSubsampled(pixelFormat) && (width & 1) != 0) {
            throw new IllegalArgumentException(pixelFormat + " needs an even width because two pixels share one "
                    + "chroma sample; the frame is " + format);
        }
        int minStride = pixelFormat.minBytesPerLine(width);
        int stride = format.bytesPerLine() == 0 ? minStride : format.bytesPerLine();
        if (stride < minStride) {
            throw new IllegalArgumentException(format + " needs at least " + minStride + " bytes per line, the format "
                    + "says " + stride);
        }
        RawLayout layout = new RawLayout(pixelFormat, width, height, stride, src.position());
        long needed = layout.requiredBytes();
        if (src.remaining() < needed) {
            throw new IllegalArgumentException(format + " with " + stride + " bytes per line needs " + needed
                    + " bytes, the buffer holds " + src.remaining());
        }
        return layout;
    }

    /** Pixels in the image, the size of a luma output and a third of an RGB one. */
    public int pixels() {
        return width * height;
    }

    /** Index of the first byte of line {@code y} of the first plane. */
    public int line(int y) {
        return base + y * stride;
    }

    /** Bytes from one chroma line to the next: the interleaved formats keep the luma stride, YU12 and YV12 halve it. */
    public int chromaStride() {
        return pixelFormat.chromaStride(stride);
    }

    /** Chroma lines: NV16 has one per luma line; in 4:2:0 an odd last luma line has a chroma line of its own. */
    public int chromaLines() {
        return pixelFormat.chromaLines(height);
    }

    /** The chroma line luma line {@code y} takes its colour from. */
    public int chromaLine(int y) {
        return pixelFormat.chromaLineOf(y);
    }

    /** Bytes from one pixel pair's Cb (or Cr) to the next pair's: 2 where Cb and Cr are interleaved, else 1. */
    public int chromaStep() {
        return pixelFormat.hasInterleavedChroma() ? 2 : 1;
    }

    /** Index of the first chroma byte: the interleaved plane, or the first of the two separate planes. */
    public int chromaPlane() {
        return base + stride * height;
    }

    /** Index of the first Cb byte: in the interleaved plane (second for NV21), or the Cb plane (second for YV12). */
    public int cbPlane() {
        return pixelFormat.isCbFirst() ? chromaPlane() : otherChroma();
    }

    /** Index of the first Cr byte: next to Cb (before it for NV21), or the Cr plane (first for YV12). */
    public int crPlane() {
        return pixelFormat.isCbFirst() ? otherChroma() : chromaPlane();
    }

    /** Where the chroma that does not come first starts: the pair's second byte, or the second plane. */
    private int otherChroma() {
        return chromaPlane() + (pixelFormat.hasInterleavedChroma() ? 1 : chromaStride() * chromaLines());
    }

    private long requiredBytes() {
        long lastLine = (long) stride * (height - 1) + pixelFormat.minBytesPerLine(width);
        long lumaPlane = (long) stride * height;
        long chromaAbove = (long) chromaStride() * (chromaLines() - 1);
        if (!pixelFormat.isPlanar()) {
            return lastLine;
        }
        return pixelFormat.hasInterleavedChroma() ? lumaPlane + chromaAbove + width
                : lumaPlane + (long) chromaStride() * chromaLines() + chromaAbove + width / 2;
    }

    private static boolean isChromaSubsampled(PixelFormat format) {
        return format == PixelFormat.YUYV || format == PixelFormat.UYVY || format.isPlanar();
    }
}
