package io.kapture.benchmarks;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One JMH result reduced to what the table shows: which benchmark with which parameters, its score in
 * microseconds per operation (JMH's mean with its 99.9 % error, and the median of the iteration scores, which the
 * target checks use because one iteration disturbed by another process moves the mean a lot), and the bytes
 * allocated per operation from JMH's GC profiler when it ran.
 *
 * @param benchmark  {@code Class.method}, for example {@code DeliveryBenchmark.deliverOneFrame}
 * @param strategy   the {@code strategy} parameter, or empty
 * @param size       the {@code size} parameter, or empty
 * @param listeners  the {@code listeners} parameter, or 0
 * @param micros     mean µs per operation
 * @param error      the mean's error, µs
 * @param median     median of the iteration scores, µs
 * @param bytesPerOp bytes allocated per operation, if measured
 *
 * <p>Immutable; safe from any thread.
 */
record Measurement(String benchmark, String strategy, String size, int listeners, double micros, double error,
        double median, Optional<Double> bytesPerOp) {

    static Measurement of(RunResult result) {
        Map<String, String> params = new TreeMap<>();
        for (String key : result.getParams().getParamsKeys()) {
            params.put(key, result.getParams().getParam(key));
        }
        String full = result.getParams().getBenchmark();
        String benchmark = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
        Result<?> primary = result.getPrimaryResult();
        double toMicros = toMicros(primary.getScoreUnit());
        Optional<Double> bytes = result.getSecondaryResults().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                .map(entry -> entry.getValue().getScore())
                .findFirst();
        return new Measurement(benchmark, params.getOrDefault("strategy", ""), params.getOrDefault("size", ""),
                Integer.parseInt(params.getOrDefault("listeners", "0")), primary.getScore() * toMicros,
                primary.getScoreError() * toMicros, primary.getStatistics().getPercentile(50) * toMicros, bytes);
    }

    /** The factor from a JMH score unit such as {@code ns/op} or {@code us/op} to µs per operation. */
    private static double toMicros(String unit) {
        String time = unit.substring(0, unit.indexOf('/'));
        TimeUnit from = switch (time) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            default -> throw new IllegalArgumentException("the table reads average-time scores; got unit " + unit);
        };
        return from.toNanos(1) / 1000.0;
    }

    /** Whether this is a result of {@code benchmark} with these parameters (empty / 0 matches anything). */
    boolean is(String name, String strategyWanted, String sizeWanted, int listenersWanted) {
        return benchmark.equals(name) && (strategyWanted.isEmpty() || strategy.equals(strategyWanted))
                && (sizeWanted.isEmpty() || size.equals(sizeWanted))
                && (listenersWanted == 0 || listeners == listenersWanted);
    }
}
