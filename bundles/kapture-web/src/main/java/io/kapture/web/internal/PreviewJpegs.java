package io.kapture.web.internal;

import java.awt.image.BufferedImage;

import io.kapture.api.Frame;
import io.kapture.api.PixelFormat;
import io.kapture.convert.FrameImages;
import io.kapture.convert.ImageEncoding;

/**
 * Turns frames into the JPEG images a browser shows: MJPEG frames are copied as they come (the cheapest path, and
 * lossless), every other format is converted and encoded with kapture-convert. Also makes the plain dark image
 * shown while a camera has sent nothing yet (no text: headless servers may have no fonts).
 *
 * <p>Stateless; safe from any thread. The frame must stay unreleased during the call; the result does not refer
 * to its memory.
 */
final class PreviewJpegs {

    private PreviewJpegs() {
    }

    /**
     * The frame as a JPEG.
     *
     * @throws IllegalArgumentException if the frame cannot be converted (H.264, short data)
     */
    static byte[] of(Frame frame, float quality) {
        if (frame.format().pixelFormat() == PixelFormat.MJPEG) {
            byte[] jpeg = new byte[frame.bytesUsed()];
            frame.data().get(0, jpeg);
            return jpeg;
        }
        return ImageEncoding.encodeJpeg(FrameImages.toImage(frame), quality);
    }

    /** A dark grey 320x240 JPEG. */
    static byte[] waiting() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        int grey = 0x30;
        int rgb = grey << 16 | grey << 8 | grey;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return ImageEncoding.encodeJpeg(image, 0.5f);
    }
}
