package io.kapture.processor.recorder.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A video file being written, frame by frame, in one container and codec: {@link AviWriter} (MJPEG in AVI) or
 * {@link Mp4Writer} (H.264 in fragmented MP4); the recorder, its rotation and its event clips work with either.
 *
 * <p>Threading contract: not thread-safe; the owner serialises all calls. {@link #close()} always releases the
 * file, even when finishing it fails.
 */
interface VideoSink extends Closeable {

    /** Opens a new file (never replacing one) for frames of this size. */
    @FunctionalInterface
    interface Factory {
        VideoSink create(Path path, int width, int height) throws IOException;
    }

    /** Appends one frame. */
    void write(EncodedFrame frame) throws IOException;

    /**
     * Whether {@code frame} can go into this file; false asks the recorder for a new file (an H.264 stream whose
     * parameter sets changed).
     */
    default boolean accepts(EncodedFrame frame) {
        return true;
    }

    /** Makes what was written so far readable after a crash. */
    void checkpoint() throws IOException;

    /** Size the file will have when closed now. */
    long bytes();

    /** Bytes one frame of {@code size} adds beyond its data. */
    int frameOverhead();

    int frames();

    /** Capture time from the first frame to the last. */
    long durationNanos();

    Path path();
}
