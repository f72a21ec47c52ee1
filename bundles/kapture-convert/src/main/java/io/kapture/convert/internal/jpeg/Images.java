package io.kapture.convert.internal.jpeg;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

/**
 * Small checks and conversions on images shared by both engines.
 *
 * <p>Stateless; safe from any thread.
 */
final class Images {

    private Images() {
    }

    /**
     * The image itself if it is an opaque {@code TYPE_3BYTE_BGR}, {@code TYPE_INT_RGB} or {@code TYPE_BYTE_GRAY} image
     * whose pixels fill its data buffer without gaps (not a sub-image), so that its array can be encoded as it is;
     * otherwise a {@code TYPE_3BYTE_BGR} copy, with any alpha composited onto black.
     */
    static BufferedImage packed(BufferedImage image) {
        int elementsPerPixel = switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR -> 3;
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY -> 1;
            default -> 0;
        };
        WritableRaster raster = image.getRaster();
        DataBuffer data = raster.getDataBuffer();
        if (elementsPerPixel > 0 && raster.getParent() == null && data.getNumBanks() == 1 && data.getOffset() == 0
                && data.getSize() == image.getWidth() * image.getHeight() * elementsPerPixel) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = copy.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return copy;
    }

    /**
     * Checks that a decoded JPEG has the size its frame format announced.
     *
     * @throws IllegalArgumentException naming both sizes
     */
    static void checkSize(int jpegWidth, int jpegHeight, int width, int height) {
        if (jpegWidth != width || jpegHeight != height) {
            throw new IllegalArgumentException("the JPEG is " + jpegWidth + "x" + jpegHeight + " but the frame format"
                    + " says " + width + "x" + height);
        }
    }
}
