package io.kapture.v4l2.internal;

import java.util.Locale;

/**
 * Frame rates as V4L2 frame intervals (seconds per frame, a fraction) and back. Stateless; thread-safe.
 */
final class Rates {

    private Rates() {
    }

    /** Frames per second of an interval; 0 for an unset one. */
    static double fps(int numerator, int denominator) {
        return numerator <= 0 || denominator <= 0 ? 0 : (double) denominator / numerator;
    }

    /**
     * The interval for a rate as {numerator, denominator}: whole rates exactly (1/30), others to a thousandth
     * (29.97 becomes 1000/29970).
     */
    static int[] interval(double fps) {
        if (fps == Math.rint(fps)) {
            return new int[] {1, (int) fps};
        }
        return new int[] {1000, (int) Math.round(fps * 1000)};
    }

    /** {@code 30} or {@code 29.97}. */
    static String format(double fps) {
        return fps == Math.rint(fps) ? Long.toString((long) fps) : String.format(Locale.ROOT, "%.2f", fps);
    }
}
