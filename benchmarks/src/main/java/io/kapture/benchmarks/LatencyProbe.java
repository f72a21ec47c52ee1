package io.kapture.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;

/**
 * End-to-end latency of the real pipeline: the synthetic camera at a fixed frame rate, the engine's capture thread,
 * a delivery strategy and one listener on its own delivery thread. For each strategy and rate it warms up, then
 * records for a while the time from each frame's capture timestamp to the listener's entry and prints p50, p99,
 * p99.9 and max, split into capture → dequeue (the source waking up and painting, then the strategy wrapping) and
 * dequeue → listener (the hand-over through the listener's queue and thread), with frames dropped for the listener,
 * frames the camera lost (sequence gaps), zero-copy's fallback copies and bytes allocated per frame by each Kapture
 * thread. Zero-copy runs with its default {@code min.queued} of 1.
 *
 * <pre>java -cp benchmarks.jar io.kapture.benchmarks.LatencyProbe [--strategy zerocopy,pool] [--fps 30,120,1000]
 *     [--size 1920x1080] [--seconds 20] [--warmup 5] [--buffers 4]</pre>
 *
 * <p>Runs on the main thread; the pipeline runs its own threads.
 */
public final class LatencyProbe {

    private static final Set<String> OPTIONS = Set.of("strategy", "fps", "size", "seconds", "warmup", "buffers");

    private LatencyProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProgramOptions options = ProgramOptions.parse(args, OPTIONS);
        FrameFormat format = FrameSizes.yuyv(options.text("size", FrameSizes.FULL_HD));
        int seconds = options.whole("seconds", 20);
        int warmup = options.whole("warmup", 5);
        int buffers = options.whole("buffers", 4);
        PrintStream out = System.out;
        out.println("Kapture end-to-end latency, capture timestamp -> listener entry, " + format + ", " + buffers
                + " driver buffers, 1 listener (queue 8, DROP_OLDEST), " + seconds + " s per line after " + warmup
                + " s warm-up");
        out.println("Machine: " + Machine.describe());
        out.printf(Locale.ROOT, "%-9s %5s %7s %6s %5s %6s | %8s %8s %8s %8s | %16s | %16s | %s%n", "strategy",
                "fps", "frames", "drops", "gaps", "copies", "p50 µs", "p99", "p99.9", "max", "→dequeue p50/p99",
                "→listener p50/p99", "B/frame by thread");
        for (String strategy : options.list("strategy", "zerocopy,pool")) {
            for (String rate : options.list("fps", "30,120,1000")) {
                int fps = Integer.parseInt(rate);
                run(out, strategy, format, fps, buffers, warmup, seconds);
            }
        }
    }

    private static void run(PrintStream out, String strategy, FrameFormat format, int fps, int buffers, int warmup,
            int seconds) throws InterruptedException {
        ProbeListener probe = new ProbeListener(fps * seconds * 11 / 10 + 1024, true);
        Map<FrameListener, Map<String, Object>> listeners = Map.of(probe, Map.of(FrameListener.NAME, "probe"));
        try (Pipeline pipeline = Pipeline.start(strategy, 1, format, fps, buffers, listeners)) {
            TimeUnit.SECONDS.sleep(warmup);
            CaptureStats before = pipeline.session().stats();
            ThreadAllocations allocatedBefore = ThreadAllocations.now();
            long framesBefore = probe.frames();
            probe.startRecording();
            TimeUnit.SECONDS.sleep(seconds);
            probe.stopRecording();
            long frames = probe.frames() - framesBefore;
            Map<String, Long> allocated = ThreadAllocations.now().since(allocatedBefore);
            CaptureStats after = pipeline.session().stats();
            Percentiles total = new Percentiles(probe.total());
            Percentiles toDequeue = new Percentiles(probe.toDequeue());
            Percentiles toListener = new Percentiles(probe.toListener());
            out.printf(Locale.ROOT,
                    "%-9s %5d %7d %6d %5d %6d | %8.1f %8.1f %8.1f %8.1f | %7.1f/%8.1f | %7.1f/%8.1f | %s%n",
                    strategy, fps, total.count(), dropped(after) - dropped(before),
                    after.sequenceGaps() - before.sequenceGaps(), after.fallbackCopies() - before.fallbackCopies(),
                    total.micros(0.50), total.micros(0.99),
                    total.micros(0.999), total.maxMicros(), toDequeue.micros(0.50), toDequeue.micros(0.99),
                    toListener.micros(0.50), toListener.micros(0.99), perFrame(allocated, frames));
        }
    }

    private static long dropped(CaptureStats stats) {
        List<ListenerStats> listeners = stats.listeners();
        return listeners.stream().mapToLong(ListenerStats::dropped).sum();
    }

    /** Bytes per frame of each Kapture thread, shortest names: {@code capture-bench=48 bench-probe=64}. */
    static String perFrame(Map<String, Long> allocated, long frames) {
        StringBuilder text = new StringBuilder();
        allocated.forEach((thread, bytes) -> {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(thread.substring("kapture-".length())).append('=')
                    .append(frames == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", (double) bytes / frames));
        });
        return text.toString();
    }
}
