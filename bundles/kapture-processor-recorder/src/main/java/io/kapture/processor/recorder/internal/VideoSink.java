package io.kapture.processor.recorder.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A video file being written, frame by frame, in one container and codec. {@link AviWriter} (MJPEG in AVI) is
 * the one there is; an H.264 muxer implements this too, and the recorder, its rotation and its event clips work
 * with it unchanged.
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
