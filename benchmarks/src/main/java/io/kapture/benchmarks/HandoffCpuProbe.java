package io.kapture.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.sun.management.OperatingSystemMXBean;

import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;

/**
 * What handing each frame to a listener's own thread costs in CPU, against calling the listener on the capture
 * thread ({@link FrameListener#CAPTURE_THREAD}): the real pipeline (synthetic camera at a fixed rate, the engine, a
 * delivery strategy) with one listener that touches each frame, run once each way for each strategy and rate. Each
 * line reports the whole process's CPU time per frame (user + system, from the JVM's process CPU clock) over the
 * measured seconds, after a warm-up; the two ways of one strategy and rate run back to back, so their ratio is the
 * figure to read. The synthetic camera's painting is in both; the difference is the hand-off: a wake-up of the
 * delivery thread and its sleep again per frame, where a camera's frames come slower than they are handled.
 *
 * <pre>java -cp benchmarks.jar io.kapture.benchmarks.HandoffCpuProbe [--strategy zerocopy,pool] [--fps 30,120]
 *     [--size 640x480] [--seconds 10] [--warmup 3]</pre>
 *
 * <p>Runs on the main thread; the pipeline runs its own threads.
 */
public final class HandoffCpuProbe {

    private static final Set<String> OPTIONS = Set.of("strategy", "fps", "size", "seconds", "warmup");

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
        out.printf(Locale.ROOT, "%-9s %5s | %12s %12s | %7s%n", "strategy", "fps", "own thread", "capture thr.",
                "ratio");
        for (String strategy : options.list("strategy", "zerocopy,pool")) {
            for (String rate : options.list("fps", "30,120")) {
                int fps = Integer.parseInt(rate);
                double ownThread = cpuMicrosPerFrame(strategy, format, fps, false, warmup, seconds);
                double captureThread = cpuMicrosPerFrame(strategy, format, fps, true, warmup, seconds);
                out.printf(Locale.ROOT, "%-9s %5d | %9.1f µs %9.1f µs | %6.2fx%n", strategy, fps, ownThread,
                        captureThread, captureThread / ownThread);
            }
        }
    }

    private static double cpuMicrosPerFrame(String strategy, FrameFormat format, int fps, boolean onCaptureThread,
            int warmup, int seconds) throws InterruptedException {
        CountingListener listener = new CountingListener();
        Map<FrameListener, Map<String, Object>> listeners = Map.of(listener,
                Map.of(FrameListener.NAME, "cpu-probe", FrameListener.CAPTURE_THREAD, onCaptureThread));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Pipeline pipeline = Pipeline.start(strategy, 1, format, fps, 4, listeners)) {
            TimeUnit.SECONDS.sleep(warmup);
            long framesBefore = listener.frames();
            long cpuBefore = os.getProcessCpuTime();
            TimeUnit.SECONDS.sleep(seconds);
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long frames = listener.frames() - framesBefore;
            return frames == 0 ? Double.NaN : cpu / 1000.0 / frames;
        }
    }
}
