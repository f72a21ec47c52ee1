package io.kapture.shell.internal.convert;

import java.awt.image.BufferedImage;

import io.kapture.api.Frame;
import io.kapture.convert.FrameImages;

/**
 * The one place that links against kapture-convert; loaded only once {@link FrameConversion} found its package.
 *
 * <p>Threading contract: stateless; safe from any thread.
 */
final class FrameImagesCall {

    private FrameImagesCall() {
    }

    static BufferedImage toImage(Frame frame) {
        return FrameImages.toImage(frame);
    }
}
