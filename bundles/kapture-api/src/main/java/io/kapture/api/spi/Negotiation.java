package io.kapture.api.spi;

import java.util.List;

import io.kapture.api.FrameFormat;

/**
 * The outcome of {@link CaptureSource#negotiate}: what the device will deliver, and in words how and why that
 * differs from the request (empty if it is exactly what was asked).
 *
 * @param format          the format set
 * @param framesPerSecond the frame rate set; 0 means unthrottled
 * @param adjustments     one sentence per difference from the request
 */
public record Negotiation(FrameFormat format, double framesPerSecond, List<String> adjustments) {

    public Negotiation {
        adjustments = List.copyOf(adjustments);
    }
}
