package io.kapture.convert;

import java.nio.ByteBuffer;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.convert.internal.I420Kernels;
import io.kapture.convert.internal.LumaKernels;
import io.kapture.convert.internal.RawLayout;
import io.kapture.convert.internal.RgbKernels;
import io.kapture.convert.internal.jpeg.DecodeTarget;
import io.kapture.convert.internal.jpeg.JpegEngine;

/**
 * Allocation-free conversion of uncompressed frames (YUYV, UYVY, NV12, YU12, NV21, YV12, NV16, GREY, RGB24, BGR24)
 * into arrays the caller owns and reuses from frame to frame: packed 8-bit RGB or BGR, or one luma byte per pixel.
 * YUV is converted with ITU-R BT.601 limited-range coefficients in integer fixed point; GREY is taken as full-range
 * grey.
 * MJPEG frames are decoded into the same arrays by the JPEG engine of {@link ImageEncoding#jpegEngine()}: with
 * libjpeg-turbo without Java allocation in steady state, with javax.imageio through a temporary image.
 *
 * <p>The image is read between the source buffer's position and limit with absolute gets only: the buffer's
 * position and limit do not change, and read-only views such as {@link Frame#data()} work. Lines are
 * {@link FrameFormat#bytesPerLine()} apart, so padded driver buffers convert correctly; output lines are unpadded.
 * H.264 is refused: it needs a video decoder.
 *
 * <p>Stateless; safe from any thread. Each call needs its own output array (or outside synchronization), and the
 * frame must stay unreleased until the call returns.
 */
public final class PixelConversion {

    private PixelConversion() {
    }

    /** Bytes an RGB or BGR output of this format needs: three per pixel. */
    public static int rgbSize(FrameFormat format) {
        return Math.multiplyExact(3, format.width() * format.height());
    }

    /** Bytes a luma output of this format needs: one per pixel. */
    public static int lumaSize(FrameFormat format) {
        return format.width() * format.height();
    }

    /**
     * Converts a frame to packed R, G, B.
     *
     * @throws IllegalArgumentException as {@link #toRgb(ByteBuffer, FrameFormat, byte[])}
     */
    public static void toRgb(Frame frame, byte[] rgbOut) {
        toRgb(frame.data(), frame.format(), rgbOut);
    }

    /**
     * Converts an image to packed R, G, B, three bytes per pixel, lines unpadded.
     *
     * @param src    the image between position and limit; left unchanged
     * @param format its size, layout and bytes per line
     * @param rgbOut at least {@link #rgbSize(FrameFormat)} bytes; bytes past that are left alone
     * @throws IllegalArgumentException if the format is H.264, the buffer is smaller than the format says, the output
     *                                  is too small, or MJPEG data cannot be decoded or has another size than the
     *                                  format says
     */
    public static void toRgb(ByteBuffer src, FrameFormat format, byte[] rgbOut) {
        if (decodedJpeg(src, format, "rgbOut", rgbOut, DecodeTarget.RGB)) {
            return;
        }
        RawLayout layout = RawLayout.of(src, format);
        checkOutput("rgbOut", rgbOut, rgbSize(format), format);
        RgbKernels.convert(src, layout, rgbOut, false);
    }

    /**
     * Like {@link #toRgb(ByteBuffer, FrameFormat, byte[])} but in B, G, R order, as
     * {@link java.awt.image.BufferedImage#TYPE_3BYTE_BGR} and OpenCV's {@code CV_8UC3} keep pixels.
     */
    public static void toBgr(ByteBuffer src, FrameFormat format, byte[] bgrOut) {
        if (decodedJpeg(src, format, "bgrOut", bgrOut, DecodeTarget.BGR)) {
            return;
        }
        RawLayout layout = RawLayout.of(src, format);
        checkOutput("bgrOut", bgrOut, rgbSize(format), format);
        RgbKernels.convert(src, layout, bgrOut, true);
    }

    /**
     * Extracts a frame's luma.
     *
     * @throws IllegalArgumentException as {@link #toLuma(ByteBuffer, FrameFormat, byte[])}
     */
    public static void toLuma(Frame frame, byte[] lumaOut) {
        toLuma(frame.data(), frame.format(), lumaOut);
    }

    /**
     * Extracts one luma byte per pixel, lines unpadded. YUYV, UYVY and the planar formats give their Y samples
     * untouched (video range 16..235), GREY its samples as delivered, RGB24, BGR24 and MJPEG their BT.601 luma in
     * video range.
     *
     * @param src     the image between position and limit; left unchanged
     * @param format  its size, layout and bytes per line
     * @param lumaOut at least {@link #lumaSize(FrameFormat)} bytes; bytes past that are left alone
     * @throws IllegalArgumentException if the format is H.264, the buffer is smaller than the format says, the output
     *                                  is too small, or MJPEG data cannot be decoded or has another size than the
     *                                  format says
     */
    public static void toLuma(ByteBuffer src, FrameFormat format, byte[] lumaOut) {
        if (decodedJpeg(src, format, "lumaOut", lumaOut, DecodeTarget.LUMA)) {
            return;
        }
        RawLayout layout = RawLayout.of(src, format);
        checkOutput("lumaOut", lumaOut, lumaSize(format), format);
        LumaKernels.extract(src, layout, lumaOut);
    }

    /** Bytes an I420 output of this format needs: the luma plane and two chroma planes of half width and height. */
    public static int i420Size(FrameFormat format) {
        return I420Kernels.size(format.width(), format.height());
    }

    /**
     * Converts an image to packed I420 (YU12 without padding), what video encoders take: luma untouched where the
     * format has it, 4:2:2 chroma averaged over line pairs, GREY with neutral chroma, RGB24 and BGR24 through BT.601
     * into video range. Odd sizes keep their size: the chroma planes cover the last column and line.
     *
     * @param src    the image between position and limit; left unchanged
     * @param format its size, layout and bytes per line
     * @param out    written with absolute puts from its position on; must have {@link #i420Size} bytes there
     * @throws IllegalArgumentException if the format is compressed, the buffer is smaller than the format says or the
     *                                  output is too small
     */
    public static void toI420(ByteBuffer src, FrameFormat format, ByteBuffer out) {
        RawLayout layout = RawLayout.of(src, format);
        int needed = i420Size(format);
        if (out == null || out.limit() - out.position() < needed) {
            throw new IllegalArgumentException("the I420 output must hold " + needed + " bytes for " + format
                    + ", it holds " + (out == null ? "nothing (null)" : out.limit() - out.position() + " bytes"));
        }
        I420Kernels.convert(src, layout, out);
    }

    /** Decodes MJPEG into {@code out} and says true; says false for any other format. */
    private static boolean decodedJpeg(ByteBuffer src, FrameFormat format, String name, byte[] out,
            DecodeTarget target) {
        if (format.pixelFormat() != PixelFormat.MJPEG) {
            return false;
        }
        checkOutput(name, out, Math.multiplyExact(target.bytesPerPixel(), lumaSize(format)), format);
        try {
            JpegEngine.current().decode(src, format.width(), format.height(), target, out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(format + ": " + e.getMessage(), e);
        }
        return true;
    }

    private static void checkOutput(String name, byte[] out, int needed, FrameFormat format) {
        if (out == null || out.length < needed) {
            throw new IllegalArgumentException(name + " must hold at least " + needed + " bytes for " + format
                    + ", it holds " + (out == null ? "nothing (null)" : out.length + " bytes"));
        }
    }
}
