package io.kapture.synthetic.internal.paint;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

import io.kapture.api.CaptureException;

/**
 * Encodes images as baseline JPEG with the Java runtime's own encoder ({@code javax.imageio}), writing into a
 * driver buffer.
 *
 * <p>Threading contract: one thread at a time (an {@link ImageWriter} is not thread-safe). The writer holds
 * native state: {@link #close()} frees it.
 */
final class JpegEncoder implements AutoCloseable {
    private final ImageWriter writer;
    private final ImageWriteParam parameters;

    JpegEncoder(float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new CaptureException("this Java runtime has no JPEG encoder (javax.imageio); use a raw format"
                    + " such as YUYV instead of MJPEG");
        }
        writer = writers.next();
        parameters = writer.getDefaultWriteParam();
        parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        parameters.setCompressionQuality(quality);
    }

    /**
     * Encodes {@code image} into {@code target} from index 0.
     *
     * @return bytes written
     * @throws CaptureException if the JPEG does not fit
     */
    int encode(BufferedImage image, ByteBuffer target) {
        BufferImageOutputStream output = new BufferImageOutputStream(target);
        try {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), parameters);
            return (int) output.length();
        } catch (IOException e) {
            throw new CaptureException("could not encode a synthetic MJPEG frame of " + image.getWidth() + "x"
                    + image.getHeight() + ": " + e.getMessage(), e);
        } finally {
            writer.setOutput(null);
        }
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
