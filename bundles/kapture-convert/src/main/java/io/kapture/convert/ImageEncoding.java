package io.kapture.convert;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.convert.internal.RawLayout;
import io.kapture.convert.internal.jpeg.ImageIoJpeg;
import io.kapture.convert.internal.jpeg.JpegEngine;

/**
 * Encodes images and frames as JPEG or PNG, in memory. JPEG goes through libjpeg-turbo ({@code libturbojpeg.so.0},
 * Debian package libturbojpeg0) when it is installed and JNA is present, through {@code javax.imageio} otherwise;
 * {@link #jpegEngine()} says which, the bundle logs it at start, and the system property
 * {@code kapture.jpeg.engine=imageio} forces javax.imageio. Both engines write baseline JPEGs with 4:2:0 chroma (one
 * component for grey) on the same quality scale. Frames become JPEGs with {@link #jpegOf}: YUV frames are encoded
 * from their samples (with libjpeg-turbo, no RGB image in between), MJPEG frames are passed through as they are.
 *
 * <p>Safe from any thread. With libjpeg-turbo at most one thread per core encodes at a time; more wait their turn. The
 * image must not be modified while it is being encoded; a frame must stay unreleased during the call, and the result
 * does not refer to its memory.
 */
public final class ImageEncoding {

    private ImageEncoding() {
    }

    /**
     * The image as a baseline JPEG. An alpha channel is dropped (composited onto black), as JPEG has none.
     *
     * @param quality 0.0 (smallest) to 1.0 (best); 0.75 to 0.9 suits snapshots
     * @throws IllegalArgumentException if the quality is outside 0.0 to 1.0
     */
    public static byte[] encodeJpeg(BufferedImage image, float quality) {
        checkQuality(quality);
        return JpegEngine.current().encode(image, quality);
    }

    /**
     * The frame as a JPEG image, for snapshots, recordings and previews. An MJPEG frame's data are copied as they
     * are (the cheapest path, and lossless); any other frame is encoded at {@code quality}.
     *
     * @param quality 0.0 (smallest) to 1.0 (best), for frames that need encoding
     * @throws IllegalArgumentException if the quality is outside 0.0 to 1.0, the frame cannot be converted (H.264,
     *                                  data shorter than its format says), or an MJPEG frame does not start with a
     *                                  JPEG start-of-image marker (the message names camera and sequence)
     */
    public static byte[] jpegOf(Frame frame, float quality) {
        checkQuality(quality);
        if (frame.format().pixelFormat() == PixelFormat.MJPEG) {
            return passThrough(frame.data(), "MJPEG frame " + frame.sequence() + " of camera " + frame.camera());
        }
        try {
            return jpegOf(frame.data(), frame.format(), quality);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("frame " + frame.sequence() + " of camera " + frame.camera() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The image between {@code data}'s position and limit as a JPEG, as {@link #jpegOf(Frame, float)} makes it;
     * {@code data} is left unchanged.
     *
     * @throws IllegalArgumentException if the quality is outside 0.0 to 1.0, the format cannot be converted or the
     *                                  data is shorter than it says, or MJPEG data does not start with FF D8
     */
    public static byte[] jpegOf(ByteBuffer data, FrameFormat format, float quality) {
        checkQuality(quality);
        if (format.pixelFormat() == PixelFormat.MJPEG) {
            return passThrough(data, "MJPEG data");
        }
        return JpegEngine.current().encode(data, RawLayout.of(data, format), quality);
    }

    private static byte[] passThrough(ByteBuffer data, String what) {
        byte[] jpeg = new byte[data.remaining()];
        data.get(data.position(), jpeg);
        if (jpeg.length < 2 || jpeg[0] != (byte) 0xFF || jpeg[1] != (byte) 0xD8) {
            throw new IllegalArgumentException(what + " does not start with a JPEG start-of-image marker (FF D8)");
        }
        return jpeg;
    }

    /** The image as a PNG, lossless, alpha kept (always javax.imageio). */
    public static byte[] encodePng(BufferedImage image) {
        return ImageIoJpeg.encodePng(image);
    }

    /**
     * The JPEG engine in use: {@code libjpeg-turbo} or {@code javax.imageio}, for status pages and logs. The first
     * call of any JPEG method chooses it, once.
     */
    public static String jpegEngine() {
        return JpegEngine.current().name();
    }

    private static void checkQuality(float quality) {
        if (!(quality >= 0f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be between 0.0 and 1.0, was " + quality);
        }
    }
}
