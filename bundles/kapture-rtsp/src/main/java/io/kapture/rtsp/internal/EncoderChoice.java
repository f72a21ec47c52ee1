package io.kapture.rtsp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.AccessUnitSink;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Passthrough;
import io.kapture.api.encoder.VideoEncoder;
import io.kapture.api.encoder.VideoEncoderFactory;

/**
 * Chooses how a camera's frames become H.264: a camera that delivers H.264 passes through untouched; any other
 * format goes to the first encoder factory, in the order given (highest service ranking first), that accepts it.
 *
 * <p>Thread-safe: works on the snapshot of factories it was made with.
 */
final class EncoderChoice {

    private final List<VideoEncoderFactory> factories;

    /** @param factories in order of preference */
    EncoderChoice(List<VideoEncoderFactory> factories) {
        this.factories = List.copyOf(factories);
    }

    /**
     * The factory {@link #open} would use for {@code format}: the first that accepts it; empty for H.264 frames
     * (passed through) or when none does.
     */
    Optional<VideoEncoderFactory> pick(FrameFormat format) {
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
    List<String> names() {
        return factories.stream().map(VideoEncoderFactory::name).toList();
    }

    /**
     * Opens an encoder for frames of {@code format}.
     *
     * @throws IllegalStateException naming every factory and why it declined, or that there is none
     */
    VideoEncoder open(FrameFormat format, EncoderSettings settings, AccessUnitSink sink) {
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
