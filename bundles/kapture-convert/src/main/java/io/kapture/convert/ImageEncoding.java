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

/**
 * Encodes images as JPEG or PNG with {@code javax.imageio}, in memory: the streams are memory-cached explicitly
 * so no temporary files are written, whatever {@link ImageIO#getUseCache()} says.
 *
 * <p>Stateless; safe from any thread (each call uses its own writer). The image must not be modified while it is
 * being encoded.
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
        if (!(quality >= 0f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be between 0.0 and 1.0, was " + quality);
        }
        ImageWriter writer = writer("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, withoutAlpha(image), param);
    }

    /** The image as a PNG, lossless, alpha kept. */
    public static byte[] encodePng(BufferedImage image) {
        return write(writer("png"), image, null);
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
