package io.kapture.convert;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.kapture.api.Frame;
import io.kapture.api.PixelFormat;

/**
 * Encodes images as JPEG or PNG with {@code javax.imageio}, in memory: the streams are memory-cached explicitly
 * so no temporary files are written, whatever {@link ImageIO#getUseCache()} says. Frames become JPEG images with
 * {@link #jpegOf}, which passes MJPEG frames through as they are.
 *
 * <p>Stateless; safe from any thread (each call uses its own writer). The image must not be modified while it is
 * being encoded; a frame must stay unreleased during the call, and the result does not refer to its memory.
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
        ImageWriter writer = writer("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, withoutAlpha(image), param);
    }

    /**
     * The frame as a JPEG image, for snapshots, recordings and previews. An MJPEG frame's data are copied as they
     * are (the cheapest path, and lossless); any other frame is converted with {@link FrameImages#toImage(Frame)}
     * and encoded at {@code quality}.
     *
     * @param quality 0.0 (smallest) to 1.0 (best), for frames that need encoding
     * @throws IllegalArgumentException if the quality is outside 0.0 to 1.0, the frame cannot be converted (H.264,
     *                                  data shorter than its format says), or an MJPEG frame does not start with a
     *                                  JPEG start-of-image marker (the message names camera and sequence)
     */
    public static byte[] jpegOf(Frame frame, float quality) {
        checkQuality(quality);
        if (frame.format().pixelFormat() != PixelFormat.MJPEG) {
            return encodeJpeg(FrameImages.toImage(frame), quality);
        }
        byte[] jpeg = new byte[frame.bytesUsed()];
        frame.data().get(0, jpeg);
        if (jpeg.length < 2 || jpeg[0] != (byte) 0xFF || jpeg[1] != (byte) 0xD8) {
            throw new IllegalArgumentException("MJPEG frame " + frame.sequence() + " of camera " + frame.camera()
                    + " does not start with a JPEG start-of-image marker (FF D8)");
        }
        return jpeg;
    }

    /** The image as a PNG, lossless, alpha kept. */
    public static byte[] encodePng(BufferedImage image) {
        return write(writer("png"), image, null);
    }

    private static void checkQuality(float quality) {
        if (!(quality >= 0f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be between 0.0 and 1.0, was " + quality);
        }
    }

    private static ImageWriter writer(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no javax.imageio " + format + " writer");
        }
        return writers.next();
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4 + 1024);
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a " + image.getWidth() + "x" + image.getHeight() + " image failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = opaque.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return opaque;
    }
}
