package io.kapture.processor.recorder.internal;

import io.kapture.api.Frame;
import io.kapture.convert.ImageEncoding;

/**
 * Turns a camera's frame into the {@link EncodedFrame} a {@link VideoSink} stores and the pre-roll ring keeps.
 * {@link #jpeg} is the one there is (MJPEG frames as they come, others through kapture-convert); an H.264
 * encoder, paired with a sink that muxes H.264, takes its place without the recorder changing.
 *
 * <p>Threading contract: called on the recorder's delivery thread only, one frame at a time; an implementation
 * may keep state between frames (an inter-frame encoder must).
 */
@FunctionalInterface
interface FrameEncoder {

    /**
     * The frame encoded; its bytes are the caller's to keep after the frame is released.
     *
     * @throws RuntimeException if the frame cannot be encoded (the recorder skips and counts it)
     */
    EncodedFrame encode(Frame frame);

    /** JPEG at {@code quality} (0 to 1), every frame a key frame. */
    static FrameEncoder jpeg(float quality) {
        return frame -> EncodedFrame.jpeg(ImageEncoding.jpegOf(frame, quality), frame.timestampNanos(),
                frame.wallClockMillis(), frame.sequence(), frame.format().width(), frame.format().height());
    }
}
