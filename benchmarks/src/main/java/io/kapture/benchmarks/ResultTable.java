package io.kapture.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prints the benchmark results as tables: per frame size, the strategies against 1, 4 and 8 listeners with the
 * reference lines (memcpy of the same frame, the seed's allocate-copy-hand-over design) beside them; the same for
 * the whole pipeline; and the per-frame V4L2 system calls through JNA next to the same calls from C.
 *
 * <p>Immutable after construction; used by one thread.
 */
final class ResultTable {

    static final String DELIVERY = "DeliveryBenchmark.deliverOneFrame";
    static final String PIPELINE = "PipelineBenchmark.deliverToEveryListener";
    static final String MEMCPY = "MemcpyBenchmark.nativeMemcpy";
    static final String BUFFER_PUT = "MemcpyBenchmark.byteBufferPut";
    static final String SEED = "SeedBaselineBenchmark.allocateCopyHandOver";
    static final String SIMULATION = "V4l2SimulationBenchmark.dequeueAndQueue";
    static final String PAINT = "PaintBenchmark.paintFrame";

    private static final List<String> SIZES = List.of(FrameSizes.VGA, FrameSizes.FULL_HD, FrameSizes.UHD);
    private static final List<String> STRATEGIES = List.of("copy", "pool", "zerocopy");
    private static final int[] LISTENERS = {1, 4, 8};
    private static final String[] SYSCALLS = {"poll", "ioctl", "frame", "frameCallsOnly"};

    private final List<Measurement> results;
    private final Map<String, Double> nativeNanos;

    ResultTable(List<Measurement> results, Map<String, Double> nativeNanos) {
        this.results = results;
        this.nativeNanos = nativeNanos;
    }

    Optional<Measurement> find(String benchmark, String strategy, String size, int listeners) {
        return results.stream().filter(m -> m.is(benchmark, strategy, size, listeners)).findFirst();
    }

    void print(PrintStream out) {
        strategyTable(out, DELIVERY, "Delivery cost per frame, strategy alone (DeliveryBenchmark: wrap, a handle per"
                + " listener, each reads its view and releases; one thread)", true);
        strategyTable(out, PIPELINE, "Whole pipeline, time per frame delivered to every listener (PipelineBenchmark:"
                + " unthrottled synthetic camera, capture thread, one thread and BLOCK queue per listener)", false);
        syscalls(out);
    }

    private void strategyTable(PrintStream out, String benchmark, String title, boolean references) {
        if (results.stream().noneMatch(m -> m.benchmark().equals(benchmark))) {
            return;
        }
        out.println();
        out.println(title);
        out.printf(Locale.ROOT, "%-10s %-9s", "size", "strategy");
        for (int listeners : LISTENERS) {
            out.printf(Locale.ROOT, " | %-31s", listeners + (listeners == 1 ? " listener" : " listeners")
                    + ": µs/frame, B/frame");
        }
        out.println();
        for (String size : SIZES) {
            boolean sizeShown = false;
            for (String strategy : STRATEGIES) {
                if (find(benchmark, strategy, size, 0).isEmpty()) {
                    continue;
                }
                out.printf(Locale.ROOT, "%-10s %-9s", sizeShown ? "" : size, strategy);
                sizeShown = true;
                for (int listeners : LISTENERS) {
                    out.print(" | " + cell(find(benchmark, strategy, size, listeners)));
                }
                out.println();
            }
            if (sizeShown && references) {
                out.printf(Locale.ROOT, "%-10s %-9s | memcpy (libc) %s | ByteBuffer.put %s | seed design %s%n", "",
                        "reference", micros(find(MEMCPY, "", size, 0)), micros(find(BUFFER_PUT, "", size, 0)),
                        cell(find(SEED, "", size, 0)).trim());
            } else if (sizeShown) {
                out.printf(Locale.ROOT, "%-10s %-9s | of which the synthetic camera's painting: %s per frame%n", "",
                        "included", micros(find(PAINT, "", size, 0)));
            }
        }
    }

    private void syscalls(PrintStream out) {
        if (results.stream().noneMatch(m -> m.benchmark().startsWith("SyscallBenchmark."))) {
            return;
        }
        out.println();
        out.println("Per-frame V4L2 system calls, ns per call: kapture-v4l2's JNA binding (SyscallBenchmark) vs the "
                + "same calls from C (src/main/c/syscalls.c), on a real descriptor");
        out.printf(Locale.ROOT, "%-24s %16s %10s %8s%n", "call", "JNA binding", "C", "JNA/C");
        for (String call : SYSCALLS) {
            Optional<Measurement> java = find("SyscallBenchmark." + call, "", "", 0);
            Double c = nativeNanos.get(call.startsWith("frame") ? "frame" : call);
            if (java.isEmpty()) {
                continue;
            }
            double nanos = java.get().micros() * 1000;
            out.printf(Locale.ROOT, "%-24s %8.0f ± %5s %10s %8s%n", call, nanos, nanos(java.get().error()),
                    c == null ? "n/a" : String.format(Locale.ROOT, "%.0f", c),
                    c == null ? "n/a" : String.format(Locale.ROOT, "%.2f", java.get().median() * 1000 / c));
        }
        find(SIMULATION, "", "", 0).ifPresent(m -> out.printf(Locale.ROOT, "%-24s %8.0f ± %5s ns, %s B/frame: the "
                + "V4L2 source's dequeue + queue against the userspace simulation (no kernel)%n",
                "source on simulation",
                m.micros() * 1000, nanos(m.error()), m.bytesPerOp().map(b -> String.format(Locale.ROOT, "%.0f", b))
                        .orElse("n/a")));
    }

    private static String cell(Optional<Measurement> measurement) {
        if (measurement.isEmpty()) {
            return String.format(Locale.ROOT, "%-31s", "-");
        }
        Measurement m = measurement.get();
        String bytes = m.bytesPerOp().map(ResultTable::bytes).orElse("n/a");
        return String.format(Locale.ROOT, "%9s ± %-8s %10s", number(m.micros()), number(m.error()), bytes);
    }

    /** Microseconds as whole nanoseconds, {@code n/a} for the error of a single iteration. */
    private static String nanos(double micros) {
        return Double.isNaN(micros) ? "n/a" : String.format(Locale.ROOT, "%.0f", micros * 1000);
    }

    private static String micros(Optional<Measurement> measurement) {
        return measurement.map(m -> number(m.micros()) + " µs").orElse("-");
    }

    /** Three significant figures at least, never scientific: 0.291, 12.3, 1411. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : value >= 1 ? "%.2f" : "%.3f", value);
    }

    static String bytes(double bytes) {
        return bytes >= 10_000 ? String.format(Locale.ROOT, "%.0f kB", bytes / 1000)
                : String.format(Locale.ROOT, "%.0f B", bytes);
    }
}
