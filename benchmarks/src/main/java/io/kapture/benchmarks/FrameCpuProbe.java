package io.kapture.benchmarks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.synthetic.internal.SyntheticSourceProvider;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * The steady-state cost of one captured frame at a camera's real rate, as a user pays it: the whole process's CPU
 * per frame (JIT, collector and JVM housekeeping included), and of it Kapture's own threads ({@code kapture-*}:
 * the capture thread, and the delivery threads with the lease reaper), the simulated driver's thread and the rest
 * (JIT, collector, JVM housekeeping), with Kapture's context switches (sleeps, so wake-ups), allocation and, for the
 * V4L2 simulation, the {@code poll}/{@code DQBUF}/{@code QBUF} calls per frame. Sources: {@code v4l2sim}
 * ({@link SimulatedV4l2Camera}, the real V4L2 capture path over the userspace simulation, frames filled by a
 * driver thread of its own at the rate) and {@code synthetic} (the synthetic camera, which paints on the capture
 * thread). Each line is one pipeline: a warm-up, then the measured seconds; listeners touch each frame's first and
 * last byte on their own threads. The simulated driver's thread is reported apart and not in "Kapture"; "process"
 * includes it.
 *
 * <pre>java -cp benchmarks.jar io.kapture.benchmarks.FrameCpuProbe [--source v4l2sim,synthetic]
 *     [--strategy copy,pool,zerocopy] [--listeners 1,4] [--fps 40] [--seconds 20] [--warmup 10] [--rounds 1]
 *     [--threads yes]</pre>
 *
 * <p>{@code --threads yes} lists, above each line, the CPU per frame of every thread outside Kapture and the driver.
 *
 * <p>Frames are 640x480 YUYV (the simulation's webcam size), 4 driver buffers. Runs on the main thread; the
 * pipeline runs its own threads.
 */
public final class FrameCpuProbe {

    private static final Set<String> OPTIONS = Set.of("source", "strategy", "listeners", "fps", "seconds", "warmup",
            "rounds", "threads");
    private static final FrameFormat FORMAT = FrameSizes.yuyv("640x480");

    private FrameCpuProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProgramOptions options = ProgramOptions.parse(args, OPTIONS);
        int fps = options.whole("fps", 40);
        int seconds = options.whole("seconds", 20);
        int warmup = options.whole("warmup", 10);
        int rounds = options.whole("rounds", 1);
        PrintStream out = System.out;
        out.println("CPU per frame in steady state, " + FORMAT + " at " + fps + " fps, 4 driver buffers, " + seconds
                + " s measured after " + warmup + " s warm-up; µs of CPU per captured frame");
        out.println("Machine: " + Machine.describe());
        out.printf(Locale.ROOT, "%-9s %-9s %3s %5s | %8s %8s %8s %8s %8s | %6s %6s | %7s | %5s %5s %5s | %4s%n",
                "source", "strategy", "lis", "round", "process", "capture", "deliver", "driver", "JVM", "vol/f",
                "inv/f", "B/frame", "poll", "DQBUF", "QBUF", "lost");
        for (int round = 1; round <= rounds; round++) {
            for (String source : options.list("source", "v4l2sim,synthetic")) {
                for (String strategy : options.list("strategy", "copy,pool,zerocopy")) {
                    for (String count : options.list("listeners", "1,4")) {
                        out.println(measure(source, strategy, Integer.parseInt(count), fps, warmup, seconds, round,
                                options.text("threads", "no").equals("yes")));
                    }
                }
            }
        }
    }

    private static String measure(String sourceName, String strategy, int listenerCount, int fps, int warmup,
            int seconds, int round, boolean showThreads) throws InterruptedException {
        Map<FrameListener, Map<String, Object>> listeners = new LinkedHashMap<>();
        for (int i = 1; i <= listenerCount; i++) {
            listeners.put(new CountingListener(), Map.of(FrameListener.NAME, "l" + i));
        }
        SimulatedV4l2Camera simulation = sourceName.equals("v4l2sim") ? new SimulatedV4l2Camera(fps) : null;
        CaptureSourceProvider provider = simulation != null ? simulation : new SyntheticSourceProvider();
        String device = simulation != null ? simulation.node() : "synthetic";
        try (Pipeline pipeline = Pipeline.start(strategy, 1, FORMAT, fps, 4, listeners, provider, device)) {
            TimeUnit.SECONDS.sleep(warmup);
            SimulatedKernel kernel = simulation != null ? simulation.kernel() : null;
            long[] callsBefore = calls(kernel);
            long lostBefore = simulation != null ? simulation.lost() : 0;
            CaptureStats statsBefore = pipeline.session().stats();
            ThreadFigures before = ThreadFigures.now();
            TimeUnit.SECONDS.sleep(seconds);
            ThreadFigures after = ThreadFigures.now();
            CaptureStats statsAfter = pipeline.session().stats();
            long[] callsAfter = calls(kernel);
            double frames = statsAfter.captured() - statsBefore.captured();
            long lost = (simulation != null ? simulation.lost() : 0) - lostBefore
                    + statsAfter.sequenceGaps() - statsBefore.sequenceGaps();
            long[] used = after.since(before);
            double micros = 1000.0 * frames;
            if (showThreads) {
                after.othersSince(before).forEach((name, nanos) -> System.out.printf(Locale.ROOT,
                        "    %-16s %8.1f µs/frame%n", name, nanos / micros));
            }
            return String.format(Locale.ROOT,
                    "%-9s %-9s %3d %5d | %8.1f %8.1f %8.1f %8.1f %8.1f | %6.2f %6.2f | %7.0f | %5.2f %5.2f %5.2f | %4d",
                    sourceName, strategy, listenerCount, round,
                    (used[0] + used[1] + used[2] + used[3]) / micros, used[0] / micros, used[1] / micros,
                    used[2] / micros, used[3] / micros, used[4] / frames, used[5] / frames,
                    (after.kaptureAllocatedBytes() - before.kaptureAllocatedBytes()) / frames,
                    (callsAfter[0] - callsBefore[0]) / frames, (callsAfter[1] - callsBefore[1]) / frames,
                    (callsAfter[2] - callsBefore[2]) / frames, lost);
        } finally {
            if (simulation != null) {
                simulation.close();
            }
        }
    }

    /** poll, DQBUF and QBUF calls the simulation answered so far; zeros without it. */
    private static long[] calls(SimulatedKernel kernel) {
        if (kernel == null) {
            return new long[3];
        }
        return new long[] {kernel.calls("poll"), kernel.calls("VIDIOC_DQBUF"), kernel.calls("VIDIOC_QBUF")};
    }
}
