package io.kapture.benchmarks.soak;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Decides whether one figure of the soak grows without bound. The rule: take the sample at minute 2 as the
 * baseline (minute 1 still warms up: JIT, pools and queues filling), fit a least-squares line through the
 * second half of the samples from the baseline on (at least three), and call the figure unbounded when both
 * its slope per minute exceeds {@code slopeLimit} and its last value exceeds the baseline by more than
 * {@code headroom}. Needing both lets a one-off step (a pool growing to its working set, a lazily started JVM
 * thread) pass once it is flat again, and lets slow noise pass while it stays small.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param name       the figure's name for the verdict
 * @param unit       its unit, for the verdict
 * @param figure     how to read it from a sample; rate figures read the difference to the previous sample
 * @param slopeLimit the largest acceptable growth per minute
 * @param headroom   the largest acceptable rise over the baseline
 */
record GrowthRule(String name, String unit, ToDoubleFunction<Sample[]> figure, double slopeLimit, double headroom) {

    /** Index of the baseline sample: the one taken at minute 2 when samples are a minute apart. */
    static final int BASELINE = 1;

    /** Samples needed for a verdict: the baseline and three more. */
    static final int MINIMUM_SAMPLES = BASELINE + 4;

    /** The figure of one sample, given it and the previous one (null for the first). */
    static GrowthRule level(String name, String unit, ToDoubleFunction<Sample> of, double slopeLimit,
            double headroom) {
        return new GrowthRule(name, unit, pair -> of.applyAsDouble(pair[1]), slopeLimit, headroom);
    }

    /** A per-sample increase of a cumulative counter, scaled to one minute. */
    static GrowthRule rate(String name, String unit, ToDoubleFunction<Sample> of, double slopeLimit,
            double headroom) {
        return new GrowthRule(name, unit, pair -> pair[0] == null ? 0
                : (of.applyAsDouble(pair[1]) - of.applyAsDouble(pair[0])) / (pair[1].minute() - pair[0].minute()),
                slopeLimit, headroom);
    }

    /** The verdict on this figure with its numbers, or empty if there are too few samples for one. */
    Optional<Judgement> judge(List<Sample> samples) {
        if (samples.size() < MINIMUM_SAMPLES) {
            return Optional.empty();
        }
        int from = BASELINE + (samples.size() - BASELINE) / 2;
        from = Math.min(from, samples.size() - 3);
        double baseline = valueAt(samples, BASELINE);
        double last = valueAt(samples, samples.size() - 1);
        int n = samples.size() - from;
        double meanX = 0;
        double meanY = 0;
        for (int i = from; i < samples.size(); i++) {
            meanX += samples.get(i).minute();
            meanY += valueAt(samples, i);
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double variance = 0;
        for (int i = from; i < samples.size(); i++) {
            double dx = samples.get(i).minute() - meanX;
            covariance += dx * (valueAt(samples, i) - meanY);
            variance += dx * dx;
        }
        double slope = variance == 0 ? 0 : covariance / variance;
        String figures = String.format("%s: baseline %.1f, last %.1f %s, slope %.2f %s/min over the last %d samples"
                + " (limits: slope %.2f, rise %.1f)", name, baseline, last, unit, slope, unit, n, slopeLimit, headroom);
        boolean unbounded = slope > slopeLimit && last - baseline > headroom;
        return Optional.of(new Judgement(unbounded, (unbounded ? "GROWS WITHOUT BOUND " : "bounded ") + figures));
    }

    private double valueAt(List<Sample> samples, int index) {
        Sample previous = index == 0 ? null : samples.get(index - 1);
        return figure.applyAsDouble(new Sample[] {previous, samples.get(index)});
    }

    /**
     * One figure's verdict.
     *
     * @param unbounded whether the figure grows without bound by the rule
     * @param text      the verdict and the numbers behind it
     */
    record Judgement(boolean unbounded, String text) {
    }
}
