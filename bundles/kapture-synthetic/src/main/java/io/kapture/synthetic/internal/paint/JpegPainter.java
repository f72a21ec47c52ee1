package io.kapture.synthetic.internal.paint;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

import io.kapture.api.PixelFormat;

/**
 * Paints MJPEG frames: the picture is kept in one BGR working image, updated by dirty regions like a raw
 * format's buffers, and every frame is that image encoded as JPEG into the driver buffer. Encoding dominates
 * the cost (it is per frame and whole-image by nature): on a shared 2-core machine it reaches about 350
 * frames/s at 640x480, 270 at 1280x720 and 120 at 1920x1080, so MJPEG streams above those rates lose frames
 * as a busy camera would.
 *
 * <p>Threading contract: one thread at a time.
 */
final class JpegPainter implements FramePainter {
    /** High enough that the 8x8 code blocks and the digits survive compression cleanly. */
    private static final float QUALITY = 0.85f;

    private final BufferedImage image;
    private final ByteBuffer pixels;
    private final RasterPainter raster;
    private final DirtyRegions drawn = new DirtyRegions();
    private final JpegEncoder encoder;
    private boolean closed;

    JpegPainter(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        pixels = ByteBuffer.wrap(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
        raster = new RasterPainter(Canvas.of(PixelFormat.BGR24, width, height));
        encoder = new JpegEncoder(QUALITY);
    }

    @Override
    public void retemplate(Pattern pattern, int brightness) {
        raster.retemplate(pattern, brightness);
    }

    /** Paints the working image and encodes it; {@code dirty} is unused, as the working image has its own. */
    @Override
    public int paint(ByteBuffer target, DirtyRegions dirty, long sequence) {
        if (closed) {
            throw new IllegalStateException("the MJPEG painter is closed");
        }
        raster.paint(pixels, drawn, sequence);
        return encoder.encode(image, target);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            raster.close();
            encoder.close();
        }
    }
}
