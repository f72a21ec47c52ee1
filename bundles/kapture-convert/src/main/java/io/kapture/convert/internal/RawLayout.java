package io.kapture.convert.internal;

import java.nio.ByteBuffer;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/**
 * Where the samples of one uncompressed image lie in its buffer, checked once per image so the conversion
 * loops can read without further tests. Lines are {@link #stride()} bytes apart because drivers pad them; a
 * format that says 0 bytes per line is taken as unpadded. Planar chroma follows V4L2's single-plane rules:
 * NV12's interleaved Cb/Cr plane has the luma stride, YU12's Cb and Cr planes half of it.
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
    public static final String SUPPORTED = "YUYV, UYVY, NV12, YU12, GREY, RGB24, BGR24";

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

    /** Bytes from one chroma line to the next: NV12 keeps the luma stride, YU12 halves it. */
    public int chromaStride() {
        return pixelFormat == PixelFormat.YU12 ? stride / 2 : stride;
    }

    /** Chroma lines of a 4:2:0 image; an odd last luma line has a chroma line of its own. */
    public int chromaLines() {
        return (height + 1) / 2;
    }

    /** Index of the first Cb byte: NV12's interleaved plane or YU12's Cb plane. */
    public int cbPlane() {
        return base + stride * height;
    }

    /** Index of YU12's Cr plane, which follows the Cb plane. */
    public int crPlane() {
        return cbPlane() + chromaStride() * chromaLines();
    }

    private long requiredBytes() {
        long lastLine = (long) stride * (height - 1) + pixelFormat.minBytesPerLine(width);
        long lumaPlane = (long) stride * height;
        long chromaAbove = (long) chromaStride() * (chromaLines() - 1);
        return switch (pixelFormat) {
            case NV12 -> lumaPlane + chromaAbove + width;
            case YU12 -> lumaPlane + (long) chromaStride() * chromaLines() + chromaAbove + width / 2;
            default -> lastLine;
        };
    }

    private static boolean isChromaSubsampled(PixelFormat format) {
        return switch (format) {
            case YUYV, UYVY, NV12, YU12 -> true;
            default -> false;
        };
    }
}
