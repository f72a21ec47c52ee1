package io.kapture.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the performance targets against one run's results, from the medians of the iteration scores, and
 * prints one line per target: the figures, the ratio and MET or NOT MET (or "not measured" when the run left the
 * needed benchmarks out). Ratios only ever compare results of the same run.
 *
 * <p>Immutable after construction; used by one thread.
 */
final class TargetReport {

    private final ResultTable table;
    private final Map<String, Double> nativeNanos;

    TargetReport(ResultTable table, Map<String, Double> nativeNanos) {
        this.table = table;
        this.nativeNanos = nativeNanos;
    }

    void print(PrintStream out) {
        out.println();
        out.println("Targets (medians of iteration scores of this run)");
        zeroCopyFlat(out);
        poolVersusMemcpy(out);
        seedVersusZeroCopy(out);
        allocation(out);
        fanOut(out, ResultTable.DELIVERY, "strategy alone");
        fanOut(out, ResultTable.PIPELINE, "whole pipeline");
        syscalls(out);
    }

    private void zeroCopyFlat(PrintStream out) {
        List<String> figures = new ArrayList<>();
        double max = 0;
        for (String size : List.of(FrameSizes.VGA, FrameSizes.FULL_HD, FrameSizes.UHD)) {
            Optional<Measurement> m = table.find(ResultTable.DELIVERY, "zerocopy", size, 1);
            if (m.isEmpty()) {
                out.println("- zero-copy ≤ 1 µs/frame at every size: not measured (" + size + " missing)");
                return;
            }
            figures.add(size + " " + ResultTable.number(m.get().median()) + " µs");
            max = Math.max(max, m.get().median());
        }
        out.println("- zero-copy ≤ 1 µs/frame, flat from 640x480 to 3840x2160 (1 listener): "
                + String.join(", ", figures) + " -> " + verdict(max <= 1));
    }

    private void poolVersusMemcpy(PrintStream out) {
        List<String> figures = new ArrayList<>();
        boolean met = true;
        for (String size : List.of(FrameSizes.VGA, FrameSizes.FULL_HD, FrameSizes.UHD)) {
            Optional<Measurement> pool = table.find(ResultTable.DELIVERY, "pool", size, 1);
            Optional<Measurement> memcpy = table.find(ResultTable.MEMCPY, "", size, 0);
            if (pool.isPresent() && memcpy.isPresent()) {
                double ratio = pool.get().median() / memcpy.get().median();
                figures.add(String.format(Locale.ROOT, "%s %s/%s µs = %.2fx", size,
                        ResultTable.number(pool.get().median()), ResultTable.number(memcpy.get().median()), ratio));
                met &= ratio <= 1.2;
            }
        }
        out.println("- pool within 1.2x of libc memcpy of the same frame (1 listener): "
                + (figures.isEmpty() ? "not measured" : String.join(", ", figures) + " -> " + verdict(met)));
    }

    private void seedVersusZeroCopy(PrintStream out) {
        Optional<Measurement> seed = table.find(ResultTable.SEED, "", FrameSizes.FULL_HD, 0);
        Optional<Measurement> zeroCopy = table.find(ResultTable.DELIVERY, "zerocopy", FrameSizes.FULL_HD, 1);
        if (seed.isEmpty() || zeroCopy.isEmpty()) {
            out.println("- zero-copy ≥ 100x cheaper than the seed design at 1080p: not measured");
            return;
        }
        double ratio = seed.get().median() / zeroCopy.get().median();
        out.printf(Locale.ROOT,
                "- zero-copy ≥ 100x cheaper than the seed design at 1080p: %s / %s µs = %.0fx -> %s%n",
                ResultTable.number(seed.get().median()), ResultTable.number(zeroCopy.get().median()), ratio,
                verdict(ratio >= 100));
    }

    private void allocation(PrintStream out) {
        List<String> figures = new ArrayList<>();
        for (String strategy : List.of("pool", "zerocopy")) {
            for (int listeners : new int[] {1, 8}) {
                table.find(ResultTable.DELIVERY, strategy, FrameSizes.FULL_HD, listeners)
                        .flatMap(Measurement::bytesPerOp).ifPresent(bytes -> figures.add(String.format(Locale.ROOT,
                                "%s/%d listener(s) %.0f B = %.1f handles of 24 B", strategy, listeners, bytes,
                                bytes / 24)));
            }
        }
        out.println("- bytes allocated per frame at 1080p, delivery path: " + (figures.isEmpty() ? "not measured"
                : String.join(", ", figures) + " (only the frame handles, 1 + listeners per frame: see README)"));
    }

    private void fanOut(PrintStream out, String benchmark, String what) {
        List<String> figures = new ArrayList<>();
        boolean met = true;
        for (String strategy : List.of("pool", "zerocopy")) {
            for (String size : List.of(FrameSizes.VGA, FrameSizes.FULL_HD)) {
                Optional<Measurement> one = table.find(benchmark, strategy, size, 1);
                Optional<Measurement> eight = table.find(benchmark, strategy, size, 8);
                if (one.isPresent() && eight.isPresent()) {
                    double ratio = eight.get().median() / one.get().median();
                    figures.add(String.format(Locale.ROOT, "%s %s %.2fx", strategy, size, ratio));
                    met &= ratio <= 2;
                }
            }
        }
        out.println("- fan-out to 8 listeners ≤ 2x the cost of 1, " + what + ": "
                + (figures.isEmpty() ? "not measured" : String.join(", ", figures) + " -> " + verdict(met)));
    }

    private void syscalls(PrintStream out) {
        Optional<Measurement> frame = table.find("SyscallBenchmark.frame", "", "", 0);
        Double c = nativeNanos.get("frame");
        if (frame.isEmpty() || c == null) {
            out.println("- per-frame V4L2 syscalls through JNA within 2x of C: not measured");
            return;
        }
        double ratio = frame.get().median() * 1000 / c;
        out.printf(Locale.ROOT, "- per-frame V4L2 syscalls (poll + DQBUF + QBUF) through JNA within 2x of C: "
                + "%.0f / %.0f ns = %.2fx -> %s%n", frame.get().median() * 1000, c, ratio, verdict(ratio <= 2));
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }
}
