package io.kapture.api.spi;

import java.util.List;

import io.kapture.api.PixelFormat;

/**
 * One pixel format a device offers, with its frame sizes and, per size, its frame rates.
 *
 * @param fourcc      the V4L2 fourcc code, also for formats Kapture has no {@link PixelFormat} for
 * @param description the driver's description
 * @param sizes       the frame sizes offered
 */
public record FormatDescription(int fourcc, String description, List<FrameSize> sizes) {

    public FormatDescription {
        sizes = List.copyOf(sizes);
    }

    /** The four characters of the fourcc code. */
    public String fourccString() {
        return PixelFormat.fourccString(fourcc);
    }

    /**
     * One frame size and the frame rates offered at it. Devices with continuous or stepwise ranges are listed by
     * their minimum, maximum and step.
     *
     * @param width         pixels
     * @param height        lines
     * @param framesPerSecond rates offered, highest first; empty if the device does not say
     */
    public record FrameSize(int width, int height, List<Double> framesPerSecond) {
        public FrameSize {
            framesPerSecond = List.copyOf(framesPerSecond);
        }
    }
}
