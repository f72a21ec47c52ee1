package io.kapture.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks with JMH's allocation profiler and prints one table: strategy × frame size × listeners,
 * in µs and bytes allocated per frame, next to the reference lines (memcpy of the same frame, the seed's
 * allocate-copy-hand-over design). Any JMH command-line option may be given, for example a benchmark filter
 * ({@code Delivery}) or shorter runs ({@code -wi 1 -i 3}).
 *
 * <p>Runs on the main thread; JMH forks the measured JVMs.
 */
public final class BenchmarkTable {

    private BenchmarkTable() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine).addProfiler(GCProfiler.class);
        if (commandLine.getIncludes().isEmpty()) {
            options.include(BenchmarkTable.class.getPackageName() + ".*");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        print(results, System.out);
    }

    static void print(Collection<RunResult> results, PrintStream out) {
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            rows.add(Row.of(result));
        }
        rows.sort(Comparator.comparing(Row::size, FrameSizeOrder.INSTANCE).thenComparing(Row::name)
                .thenComparingInt(Row::listeners));
        out.println();
        out.printf(Locale.ROOT, "Kapture delivery benchmarks on %s, %d cores, Java %s%n", System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "%-44s %-10s %9s %12s %10s %12s%n", "benchmark", "size", "listeners", "µs/frame",
                "± error", "B/frame");
        for (Row row : rows) {
            out.printf(Locale.ROOT, "%-44s %-10s %9s %12.3f %10.3f %12s%n", row.name(), row.size(),
                    row.listeners() == 0 ? "-" : Integer.toString(row.listeners()), row.micros(), row.error(),
                    row.bytesPerFrame().map(bytes -> String.format(Locale.ROOT, "%.0f", bytes)).orElse("n/a"));
        }
    }

    /** One line of the table. */
    private record Row(String name, String size, int listeners, double micros, double error,
            Optional<Double> bytesPerFrame) {

        static Row of(RunResult result) {
            Map<String, String> params = new TreeMap<>();
            for (String key : result.getParams().getParamsKeys()) {
                params.put(key, result.getParams().getParam(key));
            }
            String benchmark = result.getParams().getBenchmark();
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            String name = params.containsKey("strategy") ? shortName + " [" + params.get("strategy") + "]" : shortName;
            Result<?> primary = result.getPrimaryResult();
            Result<?> allocation = result.getSecondaryResults().entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm")).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            return new Row(name, params.getOrDefault("size", "-"),
                    Integer.parseInt(params.getOrDefault("listeners", "0")), primary.getScore(),
                    primary.getScoreError(), Optional.ofNullable(allocation).map(Result::getScore));
        }
    }

    /** Orders frame sizes by pixel count rather than alphabetically. */
    private enum FrameSizeOrder implements Comparator<String> {
        INSTANCE;

        @Override
        public int compare(String a, String b) {
            return Long.compare(pixels(a), pixels(b));
        }

        private static long pixels(String size) {
            String[] parts = size.split("x");
            return parts.length == 2 ? Long.parseLong(parts[0]) * Long.parseLong(parts[1]) : 0;
        }
    }
}
