package io.kapture.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The one command of the benchmark suite: runs the JMH benchmarks with JMH's allocation profiler, then (when the
 * system-call benchmark ran) the C reference, and prints the tables of {@link ResultTable} and the target checks of
 * {@link TargetReport}, headed by the machine and its load. Any JMH command-line option may be given, for example a
 * benchmark filter ({@code Delivery}) or the quick mode {@code -wi 1 -i 3 -w 1s -r 1s}.
 *
 * <p>Runs on the main thread; JMH forks the measured JVMs.
 */
public final class BenchmarkTable {

    private BenchmarkTable() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, InterruptedException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine).addProfiler(GCProfiler.class);
        if (commandLine.getIncludes().isEmpty()) {
            // the JPEG engines have their own table (JpegTable); these tables have no place for them
            options.include(BenchmarkTable.class.getPackageName() + ".*").exclude(JpegBenchmark.class.getSimpleName());
        }
        String machineBefore = Machine.describe();
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult result : results) {
            measurements.add(Measurement.of(result));
        }
        Map<String, Double> nativeNanos = Map.of();
        if (measurements.stream().anyMatch(m -> m.benchmark().startsWith("SyscallBenchmark."))) {
            try {
                nativeNanos = NativeReference.measure();
            } catch (IOException e) {
                System.out.println("C reference skipped: " + e.getMessage());
            }
        }
        PrintStream out = System.out;
        out.println();
        out.println("Kapture benchmarks, JMH " + String.join(" ", args));
        out.println("Machine at start: " + machineBefore);
        out.println("Machine at end:   " + Machine.describe());
        ResultTable table = new ResultTable(measurements, nativeNanos);
        table.print(out);
        new TargetReport(table, nativeNanos).print(out);
    }
}
