package io.kapture.processor.recorder.internal;

import java.util.List;

import io.kapture.api.Frame;
import io.kapture.convert.ImageEncoding;

/**
 * Turns a camera's frame into the {@link EncodedFrame}s a {@link VideoSink} stores and the pre-roll ring keeps:
 * {@link #jpeg} (MJPEG frames as they come, others through kapture-convert; every frame a key frame) for AVI files,
 * {@link H264FrameEncoder} (an H.264 encoder service, or pass-through of H.264 cameras) for MP4 files.
 *
 * <p>Threading contract: {@link #encode} is called on the recorder's delivery thread only, one frame at a time; an
 * implementation may keep state between frames (an inter-frame encoder must). {@link #requestKeyframe} may be
 * called from the same thread under the recorder's lock and must not block; {@link #close} from any thread, once
 * the recorder stops.
 */
interface FrameEncoder extends AutoCloseable {

    /**
     * The frame encoded: usually one frame, none when an encoder skipped it, several when an asynchronous encoder
     * delivers late; their bytes are the caller's to keep after the frame is released.
     *
     * @throws RuntimeException if the frame cannot be encoded (the recorder skips and counts it, and shows why)
     */
    List<EncodedFrame> encode(Frame frame);

    /** Makes the next encoded frame a key frame where the encoder can (a new file must begin with one). */
    default void requestKeyframe() {
        // every JPEG is a key frame
    }

    /** Releases the encoder's resources; later calls do nothing. */
    @Override
    default void close() {
        // JPEG encoding holds nothing between frames
    }

    /** JPEG at {@code quality} (0 to 1), every frame a key frame. */
    static FrameEncoder jpeg(float quality) {
        return frame -> List.of(EncodedFrame.jpeg(ImageEncoding.jpegOf(frame, quality), frame.timestampNanos(),
                frame.wallClockMillis(), frame.sequence(), frame.format().width(), frame.format().height()));
    }
}
