package io.kapture.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link JpegBenchmark} with JMH's allocation profiler and prints libjpeg-turbo against javax.imageio: per frame
 * size, encode and decode times, bytes allocated per operation, and how many times faster libjpeg-turbo is. Any JMH
 * command-line option may be given (e.g. {@code -wi 1 -i 3 -f 1}); without a benchmark filter it runs JpegBenchmark.
 *
 * <p>Runs on the main thread; JMH forks the measured JVMs.
 */
public final class JpegTable {

    /** The benchmark methods, in table order, with their short names. */
    private static final Map<String, String> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("encodeYuyv", "encode");
        OPERATIONS.put("decodeMjpegToRgb", "decode");
        OPERATIONS.put("decodeMjpegToLuma", "luma");
        OPERATIONS.put("decodeMjpegToImageThenLuma", "img>luma");
    }


    private JpegTable() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine).addProfiler(GCProfiler.class);
        if (commandLine.getIncludes().isEmpty()) {
            options.include(JpegBenchmark.class.getName());
        }
        String machineBefore = Machine.describe();
        List<Row> results = new ArrayList<>();
        for (RunResult result : new Runner(options.build()).run()) {
            results.add(new Row(result.getParams().getParam("engine"), Measurement.of(result)));
        }
        PrintStream out = System.out;
        out.println();
        out.println("Kapture JPEG engines, JMH " + String.join(" ", args));
        out.println("Machine at start: " + machineBefore);
        out.println("Machine at end:   " + Machine.describe());
        out.println("YUYV -> JPEG at quality " + JpegBenchmark.QUALITY + " (4:2:0), and that JPEG decoded into an RGB"
                + " array (decode), into a luma array (luma), or to an image whose luma is then read (img>luma, the"
                + " motion detector's former path); µs per frame (mean ± 99.9 % error), bytes allocated per frame");
        out.printf(Locale.ROOT, "%-10s %-9s | %-28s | %-28s | %s%n", "size", "op", JpegBenchmark.TURBO,
                JpegBenchmark.IMAGEIO, "turbo faster by (medians)");
        for (String size : new String[] {FrameSizes.VGA, FrameSizes.FULL_HD}) {
            for (String op : OPERATIONS.keySet()) {
                Optional<Measurement> turbo = find(results, op, JpegBenchmark.TURBO, size);
                Optional<Measurement> imageio = find(results, op, JpegBenchmark.IMAGEIO, size);
                if (turbo.isEmpty() && imageio.isEmpty()) {
                    continue;
                }
                String ratio = turbo.isPresent() && imageio.isPresent()
                        ? String.format(Locale.ROOT, "%.1fx", imageio.get().median() / turbo.get().median()) : "-";
                out.printf(Locale.ROOT, "%-10s %-9s | %-28s | %-28s | %s%n", size, OPERATIONS.get(op),
                        cell(turbo), cell(imageio), ratio);
            }
        }
    }

    private static Optional<Measurement> find(List<Row> results, String op, String engine, String size) {
        return results.stream().filter(row -> engine.equals(row.engine())
                && row.measurement().is("JpegBenchmark." + op, "", size, 0)).map(Row::measurement).findFirst();
    }

    /** A result with the engine parameter, which {@link Measurement} does not keep. */
    private record Row(String engine, Measurement measurement) {
    }

    private static String cell(Optional<Measurement> measurement) {
        if (measurement.isEmpty()) {
            return "-";
        }
        Measurement m = measurement.get();
        return String.format(Locale.ROOT, "%8s ± %-7s %9s", ResultTable.number(m.micros()),
                ResultTable.number(m.error()), m.bytesPerOp().map(ResultTable::bytes).orElse("n/a"));
    }
}
