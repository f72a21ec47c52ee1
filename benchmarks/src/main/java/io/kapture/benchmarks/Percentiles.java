package io.kapture.benchmarks;

import java.util.Arrays;

/**
 * Exact percentiles of a set of nanosecond samples, by the nearest-rank method on a sorted copy.
 *
 * <p>Immutable; safe from any thread.
 */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The value at or below which {@code fraction} of the samples lie; 0 without samples. */
    long at(double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** {@link #at} in microseconds. */
    double micros(double fraction) {
        return at(fraction) / 1000.0;
    }

    double maxMicros() {
        return max() / 1000.0;
    }
}
