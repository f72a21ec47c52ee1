package io.kapture.api.encoder;

import java.util.List;
import java.util.Optional;

import io.kapture.api.Frame;
import io.kapture.api.PixelFormat;

/**
 * The "encoder" of a camera that delivers H.264 itself: it re-encodes nothing, only splits each frame's Annex B
 * data into NAL units, marks keyframes (an IDR slice) and repeats the latest SPS and PPS before keyframes that lack
 * them. Bitrate, keyframe interval and profile are the camera's (its V4L2 controls), so {@link #reconfigure} has
 * nothing to change and {@link #requestKeyframe} nothing to ask.
 *
 * <p>Threading contract as {@link VideoEncoder}: one thread at a time.
 */
public final class H264Passthrough implements VideoEncoder {

    private final AccessUnitSink sink;
    private final ParameterSetTracker parameterSets = new ParameterSetTracker();

    public H264Passthrough(AccessUnitSink sink) {
        this.sink = sink;
    }

    /**
     * Hands the frame's NAL units on.
     *
     * @throws IllegalArgumentException if the frame is not H.264 or not Annex B
     */
    @Override
    public void encode(Frame frame) {
        if (frame.format().pixelFormat() != PixelFormat.H264) {
            throw new IllegalArgumentException("pass-through takes H.264 frames, camera " + frame.camera()
                    + " delivered " + frame.format().pixelFormat());
        }
        List<byte[]> nals = AnnexB.split(frame.data());
        if (nals.isEmpty()) {
            return;
        }
        boolean keyframe = H264Nal.containsIdr(nals);
        sink.accept(new AccessUnit(frame.sequence(), frame.timestampNanos(), keyframe,
                parameterSets.complete(nals, keyframe)));
    }

    @Override
    public boolean reconfigure(EncoderSettings settings) {
        return true;
    }

    @Override
    public void requestKeyframe() {
        // a camera's own encoder is not asked; its next keyframe comes at its own interval
    }

    @Override
    public Optional<H264Parameters> parameters() {
        return parameterSets.parameters();
    }

    @Override
    public void close() {
        // holds nothing
    }
}
