package io.kapture.v4l2.sim;

import java.util.Comparator;

import io.kapture.api.PixelFormat;
import io.kapture.v4l2.sim.SimCamera.SimFormat;

/** Image geometry and size rounding as a simple driver does it. Stateless; thread-safe. */
final class SimFormats {

    private SimFormats() {
    }

    /** The nearest offered size: the closest discrete one, or the request clamped and rounded into the range. */
    static int[] closest(SimFormat format, int width, int height) {
        if (format.stepwise() != null) {
            int[] r = format.stepwise();
            return new int[] {round(width, r[0], r[1], r[2]), round(height, r[3], r[4], r[5])};
        }
        return format.sizes().stream()
                .min(Comparator.comparingInt(s -> Math.abs(s[0] - width) + Math.abs(s[1] - height))).orElseThrow();
    }

    private static int round(int value, int min, int max, int step) {
        int clamped = Math.max(min, Math.min(max, value));
        return min + (clamped - min) / step * step;
    }

    static int bytesPerLine(int fourcc, int width) {
        if (fourcc == PixelFormat.MJPEG.fourcc()) {
            return 0;
        }
        if (fourcc == PixelFormat.NV12.fourcc()) {
            return width;
        }
        return width * 2;
    }

    static int sizeImage(int fourcc, int width, int height) {
        if (fourcc == PixelFormat.NV12.fourcc()) {
            return width * height * 3 / 2;
        }
        if (fourcc == PixelFormat.MJPEG.fourcc()) {
            return width * height;
        }
        return width * height * 2;
    }
}
