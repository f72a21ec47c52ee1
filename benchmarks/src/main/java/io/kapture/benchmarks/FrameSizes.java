package io.kapture.benchmarks;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/**
 * The YUYV frame sizes every benchmark runs at, named as JMH parameters.
 *
 * <p>Stateless; safe from any thread.
 */
final class FrameSizes {
    /** JMH parameter values: 640x480, 1920x1080 and 3840x2160. */
    static final String VGA = "640x480";
    static final String FULL_HD = "1920x1080";
    static final String UHD = "3840x2160";

    private FrameSizes() {
    }

    /** The YUYV format of a size written as {@code WIDTHxHEIGHT}. */
    static FrameFormat yuyv(String size) {
        String[] parts = size.split("x");
        return FrameFormat.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), PixelFormat.YUYV);
    }
}
