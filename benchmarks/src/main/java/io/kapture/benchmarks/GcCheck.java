package io.kapture.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;

/**
 * Does steady-state capture make garbage? Runs the real pipeline (synthetic camera, engine, one strategy, one
 * listener that reads every frame through {@link io.kapture.api.Frame#data()}) for a while after a warm-up and
 * reports the garbage collections that happened in that window, with their pause time, the young generation's
 * size, and the bytes each Kapture thread allocated per frame. Run it under {@code -Xlog:gc} to see each pause;
 * {@code run-gc-check.sh} does that for both strategies.
 *
 * <pre>java -Xlog:gc -cp benchmarks.jar io.kapture.benchmarks.GcCheck [--strategy pool] [--fps 1000]
 *     [--size 1920x1080] [--seconds 60] [--warmup 10] [--buffers 4]</pre>
 *
 * <p>Runs on the main thread; the pipeline runs its own threads.
 */
public final class GcCheck {

    private static final Set<String> OPTIONS = Set.of("strategy", "fps", "size", "seconds", "warmup", "buffers");

    private GcCheck() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProgramOptions options = ProgramOptions.parse(args, OPTIONS);
        String strategy = options.text("strategy", "pool");
        FrameFormat format = FrameSizes.yuyv(options.text("size", FrameSizes.FULL_HD));
        int fps = options.whole("fps", 1000);
        int seconds = options.whole("seconds", 60);
        int warmup = options.whole("warmup", 10);
        int buffers = options.whole("buffers", 4);
        ProbeListener probe = new ProbeListener(1, true);
        Map<FrameListener, Map<String, Object>> listeners = Map.of(probe, Map.of(FrameListener.NAME, "reader"));
        System.out.println("Machine: " + Machine.describe());
        System.out.println("JVM flags: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        try (Pipeline pipeline = Pipeline.start(strategy, 1, format, fps, buffers, listeners)) {
            TimeUnit.SECONDS.sleep(warmup);
            Map<String, long[]> gcBefore = collections();
            CaptureStats before = pipeline.session().stats();
            ThreadAllocations allocatedBefore = ThreadAllocations.now();
            long framesBefore = probe.frames();
            System.out.println("-- steady-state window starts: " + seconds + " s of " + strategy + " " + format + " at "
                    + fps + " fps, " + buffers + " driver buffers");
            TimeUnit.SECONDS.sleep(seconds);
            System.out.println("-- steady-state window ends");
            long frames = probe.frames() - framesBefore;
            Map<String, Long> allocated = ThreadAllocations.now().since(allocatedBefore);
            CaptureStats after = pipeline.session().stats();
            Map<String, long[]> gcAfter = collections();
            System.out.printf(Locale.ROOT, "%s %s at %d fps for %d s: %d frames delivered (%d dropped, %d lost by the "
                    + "camera, %d zero-copy fallback copies)%n", strategy, format, fps, seconds, frames,
                    after.dropped() - before.dropped(), after.sequenceGaps() - before.sequenceGaps(),
                    after.fallbackCopies() - before.fallbackCopies());
            System.out.println("Allocated per frame by thread (bytes): " + LatencyProbe.perFrame(allocated, frames));
            gcAfter.forEach((name, counts) -> {
                long[] earlier = gcBefore.getOrDefault(name, new long[2]);
                System.out.printf(Locale.ROOT, "GC %-22s in the window: %d collections, %d ms; since JVM start: %d%n",
                        name, counts[0] - earlier[0], counts[1] - earlier[1], counts[0]);
            });
            System.out.println("Young generation: " + youngGeneration());
        }
    }

    /** Per collector: collections so far and milliseconds spent in them. */
    private static Map<String, long[]> collections() {
        Map<String, long[]> counts = new HashMap<>();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            counts.put(collector.getName(), new long[] {collector.getCollectionCount(), collector.getCollectionTime()});
        }
        return counts;
    }

    /** The eden and survivor pools' committed sizes now, for the report. */
    private static String youngGeneration() {
        StringBuilder text = new StringBuilder();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getName().contains("Eden") || pool.getName().contains("Survivor")) {
                text.append(text.length() == 0 ? "" : ", ").append(pool.getName()).append(' ')
                        .append(pool.getUsage().getCommitted() >> 20).append(" MiB committed");
            }
        }
        return text.toString();
    }
}
