package io.kapture.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;

/**
 * What handing each frame to a listener's own thread costs in CPU, against calling the listener on the capture
 * thread ({@link FrameListener#CAPTURE_THREAD}): the real pipeline (synthetic camera at a fixed rate, the engine, a
 * delivery strategy) with one listener that touches each frame, run each way for each strategy and rate, in
 * alternating rounds. Each figure is the CPU time of Kapture's own threads (capture, delivery, control: the threads
 * named {@code kapture-*}, from the JVM's per-thread CPU clocks) per frame over the measured seconds, after a
 * warm-up, the median of the rounds; the JIT's and the collector's threads are left out, as their work is not per
 * frame. The synthetic camera paints on the capture thread in both ways; the difference is the hand-off: a wake-up of
 * the delivery thread and its sleep again per frame, where a camera's frames come slower than they are handled.
 *
 * <pre>java -cp benchmarks.jar io.kapture.benchmarks.HandoffCpuProbe [--strategy zerocopy,pool] [--fps 30,120]
 *     [--size 640x480] [--seconds 10] [--warmup 3] [--rounds 3]</pre>
 *
 * <p>Runs on the main thread; the pipeline runs its own threads.
 */
public final class HandoffCpuProbe {

    private static final Set<String> OPTIONS = Set.of("strategy", "fps", "size", "seconds", "warmup", "rounds");

    private HandoffCpuProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProgramOptions options = ProgramOptions.parse(args, OPTIONS);
        FrameFormat format = FrameSizes.yuyv(options.text("size", "640x480"));
        int seconds = options.whole("seconds", 10);
        int warmup = options.whole("warmup", 3);
        PrintStream out = System.out;
        out.println("Kapture process CPU per frame, one listener on its own thread vs on the capture thread, " + format
                + ", 4 driver buffers, " + seconds + " s per line after " + warmup + " s warm-up");
        out.println("Machine: " + Machine.describe());
        int rounds = options.whole("rounds", 3);
        out.printf(Locale.ROOT, "%-9s %5s | %12s %12s | %7s   (median of %d rounds)%n", "strategy", "fps",
                "own thread", "capture thr.", "ratio", rounds);
        for (String strategy : options.list("strategy", "zerocopy,pool")) {
            for (String rate : options.list("fps", "30,120")) {
                int fps = Integer.parseInt(rate);
                double[] ownThread = new double[rounds];
                double[] captureThread = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    ownThread[round] = cpuMicrosPerFrame(strategy, format, fps, false, warmup, seconds);
                    captureThread[round] = cpuMicrosPerFrame(strategy, format, fps, true, warmup, seconds);
                }
                double own = median(ownThread);
                double inline = median(captureThread);
                out.printf(Locale.ROOT, "%-9s %5d | %9.1f µs %9.1f µs | %6.2fx%n", strategy, fps, own, inline,
                        inline / own);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** CPU time so far of every live thread named {@code kapture-*}, and of those that ended, as last seen. */
    private static long kaptureThreadsCpuNanos(Map<Long, Long> lastSeen) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("kapture-")) {
                long cpu = threads.getThreadCpuTime(thread.getId());
                if (cpu >= 0) {
                    lastSeen.put(thread.getId(), cpu);
                }
            }
        }
        return lastSeen.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double cpuMicrosPerFrame(String strategy, FrameFormat format, int fps, boolean onCaptureThread,
            int warmup, int seconds) throws InterruptedException {
        CountingListener listener = new CountingListener();
        Map<FrameListener, Map<String, Object>> listeners = Map.of(listener,
                Map.of(FrameListener.NAME, "cpu-probe", FrameListener.CAPTURE_THREAD, onCaptureThread));
        try (Pipeline pipeline = Pipeline.start(strategy, 1, format, fps, 4, listeners)) {
            TimeUnit.SECONDS.sleep(warmup);
            Map<Long, Long> before = new HashMap<>();
            long framesBefore = listener.frames();
            long cpuBefore = kaptureThreadsCpuNanos(before);
            Map<Long, Long> after = new HashMap<>(before);
            TimeUnit.SECONDS.sleep(seconds);
            long cpu = kaptureThreadsCpuNanos(after) - cpuBefore;
            long frames = listener.frames() - framesBefore;
            return frames == 0 ? Double.NaN : cpu / 1000.0 / frames;
        }
    }
}
