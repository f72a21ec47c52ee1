package io.kapture.api.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/**
 * Chooses how a camera's frames become H.264: a camera that delivers H.264 passes through untouched; any other
 * format goes to the first encoder factory, in the order given (highest service ranking first), that accepts it.
 * Every consumer of encoders (the RTSP server, the recorder) chooses the same way; {@link EncoderRanking} keeps the
 * ordered snapshot of the registered factories.
 *
 * <p>Immutable; thread-safe: works on the snapshot of factories it was made with.
 */
public final class EncoderChoice {

    private final List<VideoEncoderFactory> factories;

    /** @param factories in order of preference */
    public EncoderChoice(List<VideoEncoderFactory> factories) {
        this.factories = List.copyOf(factories);
    }

    /**
     * The factory {@link #open} would use for {@code format}: the first that accepts it; empty for H.264 frames
     * (passed through) or when none does.
     */
    public Optional<VideoEncoderFactory> pick(FrameFormat format) {
        if (format.pixelFormat() == PixelFormat.H264) {
            return Optional.empty();
        }
        for (VideoEncoderFactory factory : factories) {
            if (factory.accepts(format)) {
                return Optional.of(factory);
            }
        }
        return Optional.empty();
    }

    /** The factories' names, most preferred first. */
    public List<String> names() {
        return factories.stream().map(VideoEncoderFactory::name).toList();
    }

    /**
     * Opens an encoder for frames of {@code format}.
     *
     * @throws IllegalStateException naming every factory and why it declined, or that there is none
     */
    public VideoEncoder open(FrameFormat format, EncoderSettings settings, AccessUnitSink sink) {
        if (format.pixelFormat() == PixelFormat.H264) {
            return new H264Passthrough(sink);
        }
        Optional<VideoEncoderFactory> first = pick(format);
        if (first.isPresent()) {
            return first.get().open(format, settings, sink);
        }
        List<String> reasons = new ArrayList<>();
        for (VideoEncoderFactory factory : factories) {
            reasons.add(factory.name() + ": " + factory.unavailableReason(format));
        }
        if (reasons.isEmpty()) {
            throw new IllegalStateException("no H.264 encoder is installed for " + format + " frames; install the "
                    + "feature kapture-h264 (software encoding through OpenH264)");
        }
        throw new IllegalStateException("no H.264 encoder takes " + format + " frames: " + String.join("; ", reasons));
    }
}
