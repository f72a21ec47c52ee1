package io.kapture.benchmarks.soak;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.kapture.api.FramePoolStats;

/**
 * The soak: {@code N} synthetic cameras with {@code M} subscribers each stream for a given time at a high rate
 * while one camera after another is restarted and one subscriber after another replaced. Once per sample period
 * (a minute by default) it prints heap after a full GC, direct memory, descriptors, mappings, threads, GC
 * count and time, and the frame counters; at the end it judges every figure with {@link GrowthRule} and exits 1
 * if one grows without bound, if a subscriber ever saw a wrong camera's frame or stale pixels, if a listener
 * call failed, or if the pool has buffers outstanding after everything stopped. Exit 2 means bad options.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.kapture.benchmarks.soak.Soak --cameras 4 --subscribers 4 --minutes 30
 * </pre>
 *
 * <p>Threading contract: everything here runs on the main thread; the cameras run their own.
 */
public final class Soak {

    private static final PrintStream OUT = System.out;

    private final SoakOptions options;
    private final List<Sample> samples = new ArrayList<>();

    private Soak(SoakOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        SoakOptions options;
        try {
            options = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Soak(options).run());
    }

    private int run() throws InterruptedException {
        OUT.printf("Soak: %d cameras x %d subscribers, %dx%d YUYV at %s fps, delivery %s, churn every %d s, "
                + "%.1f minutes, a sample every %d s; Java %s, %d cores%n", options.cameras(), options.subscribers(),
                options.width(), options.height(), options.fps() == 0 ? "unthrottled" : options.fps(),
                options.deliveries(), options.churnSeconds(), options.minutes(), options.sampleSeconds(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        long startFds = ProcessProbe.openDescriptors();
        long startMaps = ProcessProbe.mappings();
        long startDirect = ProcessProbe.directBytes();
        long startThreads = ProcessProbe.threads();
        List<String> failures = new ArrayList<>();
        List<String> accounting;
        try (SoakRig rig = new SoakRig(options)) {
            rig.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!rig.allRunning()) {
                if (System.nanoTime() > deadline) {
                    OUT.println("FAIL: cameras did not start within 60 s: " + rig.states());
                    return 1;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            OUT.println(Sample.HEADER);
            OUT.println(sample(rig, 0).row() + "   <- start");
            stream(rig);
            if (!rig.allRunning()) {
                failures.add("cameras not all running at the end: " + rig.states());
            }
            accounting = rig.accounting();
            accounting.stream().filter(line -> line.endsWith(SoakRig.UNBALANCED)).forEach(line -> failures.add(
                    "a subscription's offered frames are not delivered + dropped + queued: " + line));
            Totals totals = rig.totals();
            OUT.printf("Churned %d times (camera restarts and resubscriptions)%n", rig.churns());
            if (totals.mismatches > 0) {
                failures.add(totals.mismatches + " frames with a wrong camera or stale pixels; first: "
                        + totals.firstMismatch);
            }
            if (totals.errors > 0) {
                failures.add(totals.errors + " listener calls failed");
            }
            OUT.printf("Totals: captured %d, delivered %d, dropped by queue policy %d, driver gaps %d, zero-copy "
                    + "fallback copies %d, reclaimed leases %d, frames checked by subscribers %d%n", totals.captured,
                    totals.delivered, totals.dropped, totals.gaps, totals.fallbackCopies, totals.reclaimedLeases,
                    totals.received);
            rig.close();
            FramePoolStats pool = rig.poolStats();
            OUT.printf("After stopping every camera: pool outstanding %d (gets %d, returns %d, allocations %d)%n",
                    pool.outstanding(), pool.gets(), pool.returns(), pool.allocations());
            if (pool.outstanding() != 0) {
                failures.add("frame pool has " + pool.outstanding() + " buffers outstanding after every camera stopped");
            }
        }
        OUT.println("Current streams' accounting per subscriber (offered = delivered + dropped + queued; offered is "
                + "counted from when the subscriber joined, so at most the camera's captured):");
        accounting.forEach(line -> OUT.println("  " + line));
        ProcessProbe.heapAfterGc();
        OUT.printf("Process before -> after: fds %d -> %d, maps %d -> %d, direct %.1f -> %.1f MiB, threads %d -> %d%n",
                startFds, ProcessProbe.openDescriptors(), startMaps, ProcessProbe.mappings(), Sample.mib(startDirect),
                Sample.mib(ProcessProbe.directBytes()), startThreads, ProcessProbe.threads());
        return verdict(failures);
    }

    /** Streams for the set time, churning and sampling as it goes. */
    private void stream(SoakRig rig) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (options.minutes() * 60e9);
        long samplePeriod = TimeUnit.SECONDS.toNanos(options.sampleSeconds());
        long churnPeriod = TimeUnit.SECONDS.toNanos(options.churnSeconds());
        long nextSample = start + samplePeriod;
        long nextChurn = churnPeriod == 0 ? Long.MAX_VALUE : start + churnPeriod;
        while (true) {
            long next = Math.min(Math.min(nextSample, nextChurn), end);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long now = System.nanoTime();
            if (now - nextChurn >= 0 && now - end < 0) {
                rig.churn();
                nextChurn += churnPeriod;
            }
            if (now - nextSample >= 0 || now - end >= 0) {
                Sample sample = sample(rig, (now - start) / 60e9);
                samples.add(sample);
                OUT.println(sample.row());
                nextSample += samplePeriod;
            }
            if (now - end >= 0) {
                return;
            }
        }
    }

    private static Sample sample(SoakRig rig, double minute) {
        FramePoolStats pool = rig.poolStats();
        return new Sample(minute, ProcessProbe.heapAfterGc(), ProcessProbe.directBytes(), ProcessProbe.directCount(),
                ProcessProbe.openDescriptors(), ProcessProbe.mappings(), ProcessProbe.threads(),
                ProcessProbe.gcCount(), ProcessProbe.gcMillis(), rig.totals(), pool.outstanding(), pool.bytesHeld());
    }

    private int verdict(List<String> failures) {
        double mib = 1024 * 1024;
        List<GrowthRule> rules = List.of(
                GrowthRule.level("heap after GC", "MiB", s -> s.heapAfterGc() / mib, 2, 32),
                GrowthRule.level("direct memory", "MiB", s -> s.directBytes() / mib, 1, 16),
                GrowthRule.level("open descriptors", "fds", Sample::descriptors, 0.5, 8),
                GrowthRule.level("memory mappings", "maps", Sample::mappings, 2, 64),
                GrowthRule.level("threads", "threads", Sample::threads, 0.5, 8),
                GrowthRule.level("frame pool held", "MiB", s -> s.poolBytesHeld() / mib, 1, 16),
                GrowthRule.rate("GC time", "ms/min", s -> s.gcMillis(), 20, 500),
                GrowthRule.rate("queue-policy drops", "frames/min", s -> s.totals().dropped, 200, 2_000),
                GrowthRule.rate("driver gaps", "frames/min", s -> s.totals().gaps, 200, 2_000));
        OUT.println("Verdict (a figure grows without bound if its slope over the second half of the run exceeds "
                + "the limit AND its last value exceeds the minute-2 baseline by more than the allowed rise):");
        if (samples.size() < GrowthRule.MINIMUM_SAMPLES) {
            OUT.printf("  too few samples (%d) for a growth verdict: run at least %d sample periods%n", samples.size(),
                    GrowthRule.MINIMUM_SAMPLES);
        }
        for (GrowthRule rule : rules) {
            Optional<GrowthRule.Judgement> judgement = rule.judge(samples);
            judgement.ifPresent(j -> OUT.println("  " + j.text()));
            if (judgement.isPresent() && judgement.get().unbounded()) {
                failures.add(judgement.get().text());
            }
        }
        if (failures.isEmpty()) {
            OUT.println("PASS");
            return 0;
        }
        failures.forEach(failure -> OUT.println("FAIL: " + failure));
        return 1;
    }
}
