package io.kapture.shell.internal.convert;

import io.kapture.api.Frame;
import io.kapture.convert.FrameImages;
import io.kapture.convert.ImageEncoding;

/**
 * The one place that links against kapture-convert; loaded only once {@link FrameConversion} found its package.
 *
 * <p>Threading contract: stateless; safe from any thread.
 */
final class FrameImagesCall {

    /** The quality javax.imageio's JPEG writer uses by default, which the shell's snapshots always had. */
    private static final float JPEG_QUALITY = 0.75f;

    private FrameImagesCall() {
    }

    static byte[] encode(Frame frame, String format) {
        return "png".equals(format) ? ImageEncoding.encodePng(FrameImages.toImage(frame))
                : ImageEncoding.jpegOf(frame, JPEG_QUALITY);
    }
}
