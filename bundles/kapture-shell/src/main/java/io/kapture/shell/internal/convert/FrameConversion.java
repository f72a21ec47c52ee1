package io.kapture.shell.internal.convert;

import io.kapture.api.Frame;

/**
 * Turns frames into image files' bytes through the kapture-convert bundle, whose package is imported optionally:
 * this class checks that the package can be loaded before touching {@link FrameImagesCall}, the only class that
 * names it.
 *
 * <p>Threading contract: stateless; safe from any thread.
 */
public final class FrameConversion {

    private static final String FRAME_IMAGES = "io.kapture.convert.FrameImages";

    private FrameConversion() {
    }

    /** Whether kapture-convert is wired to this bundle. */
    public static boolean available() {
        try {
            Class.forName(FRAME_IMAGES, false, FrameConversion.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The frame as a {@code png} or {@code jpeg} file (an MJPEG frame's JPEG as it came); call only when
     * {@link #available()}.
     *
     * @throws IllegalArgumentException if the frame's format cannot be turned into an image (H.264)
     */
    public static byte[] encode(Frame frame, String format) {
        return FrameImagesCall.encode(frame, format);
    }
}
