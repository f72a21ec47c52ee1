package io.kapture.synthetic.internal.paint;

import java.nio.ByteBuffer;

import io.kapture.api.FrameFormat;

/**
 * Paints synthetic frames of one format into driver buffers.
 *
 * <p>Threading contract: one thread at a time (the capture source's dequeuing thread); create, use and close
 * it there.
 */
public interface FramePainter extends AutoCloseable {

    /** Repaints the background for a pattern and brightness; later frames use it. */
    void retemplate(Pattern pattern, int brightness);

    /**
     * Paints frame {@code sequence} into {@code target}.
     *
     * @param target   the buffer, written from index 0
     * @param dirty    what was drawn into {@code target} last time (updated)
     * @param sequence the frame's sequence number, drawn into the image
     * @return bytes of {@code target} holding the image
     */
    int paint(ByteBuffer target, DirtyRegions dirty, long sequence);

    /** Frees the painter's resources (the JPEG encoder's native state). Idempotent. */
    @Override
    void close();

    /** A painter for this format, with the given initial pattern and brightness. */
    static FramePainter of(FrameFormat format, Pattern pattern, int brightness) {
        FramePainter painter = switch (format.pixelFormat()) {
            case MJPEG -> new JpegPainter(format.width(), format.height());
            default -> new RasterPainter(Canvas.of(format.pixelFormat(), format.width(), format.height()));
        };
        painter.retemplate(pattern, brightness);
        return painter;
    }
}
