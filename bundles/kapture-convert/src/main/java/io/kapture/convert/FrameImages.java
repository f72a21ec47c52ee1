package io.kapture.convert;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.convert.internal.RawLayout;
import io.kapture.convert.internal.RgbKernels;
import io.kapture.convert.internal.jpeg.JpegEngine;

/**
 * Turns frames into {@link BufferedImage}s for snapshots, previews and tests. Uncompressed frames become a
 * {@link BufferedImage#TYPE_3BYTE_BGR} image converted as {@link PixelConversion} does; MJPEG frames are decoded
 * by the JPEG engine of {@link ImageEncoding#jpegEngine()} (both engines accept the Huffman-table-less JPEGs many UVC
 * webcams send), libjpeg-turbo giving a {@code TYPE_3BYTE_BGR} image and javax.imageio whatever type it chooses.
 * H.264 is refused: it needs a video decoder.
 *
 * <p>Each call allocates a new image, so this is for occasional frames; per-frame processors should convert into
 * reused arrays with {@link PixelConversion}, which decodes MJPEG too. Stateless and safe from any thread; the frame must stay unreleased
 * until the call returns, and the image does not refer to the frame's memory afterwards.
 */
public final class FrameImages {

    /** Every format {@link #toImage} accepts, for error messages. */
    private static final String SUPPORTED = RawLayout.SUPPORTED + ", MJPEG";

    private FrameImages() {
    }

    /**
     * The frame as an image.
     *
     * @throws IllegalArgumentException if the frame is H.264, its data is smaller than its format says, or its
     *                                  MJPEG data cannot be decoded (the message names camera and sequence)
     */
    public static BufferedImage toImage(Frame frame) {
        try {
            return toImage(frame.data(), frame.format());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("frame " + frame.sequence() + " of camera " + frame.camera() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The image between {@code data}'s position and limit as an image; {@code data} is left unchanged.
     *
     * @throws IllegalArgumentException if the format is H.264, the data is smaller than the format says or MJPEG
     *                                  data cannot be decoded
     */
    public static BufferedImage toImage(ByteBuffer data, FrameFormat format) {
        PixelFormat pixelFormat = format.pixelFormat();
        if (pixelFormat == PixelFormat.MJPEG) {
            return decodeJpeg(data, format);
        }
        if (pixelFormat.isCompressed()) {
            throw new IllegalArgumentException(pixelFormat + " frames cannot be turned into an image (that needs a "
                    + "video decoder); supported: " + SUPPORTED);
        }
        RawLayout layout = RawLayout.of(data, format);
        BufferedImage image = new BufferedImage(format.width(), format.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        RgbKernels.convert(data, layout, pixels, true);
        return image;
    }

    private static BufferedImage decodeJpeg(ByteBuffer data, FrameFormat format) {
        try {
            return JpegEngine.current().decode(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(format + ": " + e.getMessage(), e);
        }
    }
}
