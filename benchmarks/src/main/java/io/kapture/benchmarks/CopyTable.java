package io.kapture.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Which copy the pool strategy should run, on this machine's hardware: {@link FrameCopyBenchmark}'s candidates in
 * a JVM as JMH starts it (C2 compiles them) and in one limited to C1 ({@code -XX:TieredStopAtLevel=1}: where the
 * distribution's raised C2 thresholds keep the per-frame path for its first tens of thousands of frames), next to
 * glibc's {@code memcpy} called from C ({@link CopyReference}, hot caches), measured before and after the JMH runs,
 * with the caches hot and cold (see {@link FrameCopyBenchmark}). Prints ns
 * per copy (the median of the iterations, JMH's mean ± error beside it), GB/s and the ratio to C's memcpy. Any JMH
 * command-line option may be given (e.g. {@code -wi 1 -i 3}).
 *
 * <p>Runs on the main thread; JMH forks the measured JVMs.
 */
public final class CopyTable {

    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private CopyTable() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException,
            InterruptedException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        int length = FrameSizes.yuyv(FrameCopyBenchmark.VIVID).imageSize();
        String machineBefore = Machine.describe();
        double memcpyBefore = CopyReference.memcpyNanos(length);
        List<Row> rows = new ArrayList<>();
        for (String jit : new String[] {"C2", "C1 only"}) {
            ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine);
            if (commandLine.getIncludes().isEmpty()) {
                options.include(FrameCopyBenchmark.class.getName());
            }
            if (!jit.equals("C2")) {
                options.jvmArgsAppend(C1_ONLY);
            }
            for (RunResult result : new Runner(options.build()).run()) {
                rows.add(new Row(jit, result.getParams().getParam("caches"), Measurement.of(result)));
            }
        }
        double memcpyAfter = CopyReference.memcpyNanos(length);
        double reference = (memcpyBefore + memcpyAfter) / 2;

        PrintStream out = System.out;
        out.println();
        out.println("Frame copy, " + FrameCopyBenchmark.VIVID + " YUYV (" + length + " bytes), direct buffer to direct "
                + "buffer, the same two buffers each time; JMH " + String.join(" ", args));
        out.println("Machine at start: " + machineBefore);
        out.println("Machine at end:   " + Machine.describe());
        out.printf(Locale.ROOT, "C memcpy (gcc -O2, glibc, median of 11 runs of 2,000): %.0f ns before, %.0f ns "
                + "after the JMH runs; the ratios are against their mean, %.0f ns (%.1f GB/s)%n", memcpyBefore,
                memcpyAfter, reference, length / reference);
        out.println();
        out.println("| copy | JIT | caches | ns per copy (median) | mean ± error | GB/s | vs C memcpy (hot) |");
        out.println("|---|---|---|---|---|---|---|");
        rows.sort(Comparator.comparing(Row::caches).reversed().thenComparing(Row::jit, Comparator.reverseOrder()));
        for (Row row : rows) {
            Measurement m = row.measurement();
            double nanos = m.median() * 1000;
            out.printf(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f ± %.0f | %.1f | %.2fx |%n",
                    m.benchmark().substring(m.benchmark().indexOf('.') + 1), row.jit(), row.caches(), nanos,
                    m.micros() * 1000, m.error() * 1000, length / nanos, nanos / reference);
        }
    }

    /** A result with the JIT it ran under and its caches parameter. */
    private record Row(String jit, String caches, Measurement measurement) {
    }
}
