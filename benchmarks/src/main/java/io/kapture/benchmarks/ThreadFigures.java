package io.kapture.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.kapture.v4l2.sim.PacedDriver;

/**
 * One reading of the CPU time the process's threads have used so far, from the kernel's per-thread
 * {@code /proc/self/task/<tid>/schedstat} (nanoseconds on the CPU; the JVM's own clocks do not cover its compiler
 * and collector threads, and the process's tick-based figure is too coarse for a few hundred frames), grouped by
 * thread name: Kapture's capture thread ({@code kapture-capture-*}), Kapture's other threads ({@code kapture-*}:
 * delivery, lease reaper), the simulated driver's thread, and the rest (JIT compilers, collector, JVM housekeeping,
 * the probe). Also, for Kapture's threads, bytes allocated (HotSpot's per-thread counter) and context switches
 * ({@code voluntary_ctxt_switches}: a thread going to sleep in a park, futex or poll wait, so per frame they count
 * the sleeps, and with them the wake-ups; {@code nonvoluntary_ctxt_switches}: preemptions and yields that gave the
 * core away). Two readings apart, divided by the frames in between, give figures per frame. Threads that ended
 * between two readings are left out, and so are their last moments.
 *
 * <p>Immutable; {@link #now()} may be called from any thread.
 */
final class ThreadFigures {

    private static final String PREFIX = "kapture-";
    private static final String CAPTURE_PREFIX = "kapture-capture";

    /** Per thread id: name, CPU nanoseconds, voluntary and involuntary switches. */
    private final Map<String, Task> tasks;
    private final long kaptureAllocatedBytes;

    private record Task(String name, long cpuNanos, long voluntary, long involuntary) {
    }

    private ThreadFigures(Map<String, Task> tasks, long kaptureAllocatedBytes) {
        this.tasks = tasks;
        this.kaptureAllocatedBytes = kaptureAllocatedBytes;
    }

    static ThreadFigures now() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(PREFIX)) {
                allocated += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        Map<String, Task> tasks = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : entries) {
                read(task).ifPresent(read -> tasks.put(task.getFileName().toString(), read));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/task", e);
        }
        return new ThreadFigures(tasks, allocated);
    }

    /**
     * What was used since {@code earlier}, by group: capture, other Kapture threads, simulated driver, the rest
     * (nanoseconds), then Kapture's voluntary and involuntary switches. Only threads alive at both readings count,
     * those born in between from zero.
     */
    long[] since(ThreadFigures earlier) {
        long[] sums = new long[6];
        tasks.forEach((tid, now) -> {
            Task then = earlier.tasks.get(tid);
            if (then != null && !then.name.equals(now.name)) {
                then = null;
            }
            long cpu = now.cpuNanos - (then == null ? 0 : then.cpuNanos);
            sums[group(now.name)] += cpu;
            if (now.name.startsWith(PREFIX)) {
                sums[4] += now.voluntary - (then == null ? 0 : then.voluntary);
                sums[5] += now.involuntary - (then == null ? 0 : then.involuntary);
            }
        });
        return sums;
    }

    /** CPU nanoseconds per thread name outside Kapture and the driver since {@code earlier}, largest first. */
    Map<String, Long> othersSince(ThreadFigures earlier) {
        Map<String, Long> byName = new HashMap<>();
        tasks.forEach((tid, now) -> {
            Task then = earlier.tasks.get(tid);
            if (group(now.name) == 3) {
                byName.merge(now.name, now.cpuNanos - (then == null ? 0 : then.cpuNanos), Long::sum);
            }
        });
        Map<String, Long> sorted = new LinkedHashMap<>();
        byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    long kaptureAllocatedBytes() {
        return kaptureAllocatedBytes;
    }

    private static int group(String name) {
        if (name.startsWith(CAPTURE_PREFIX)) {
            return 0;
        }
        if (name.startsWith(PREFIX)) {
            return 1;
        }
        return PacedDriver.THREAD.startsWith(name) ? 2 : 3;
    }

    private static Optional<Task> read(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            long cpu = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
            long voluntary = 0;
            long involuntary = 0;
            for (String line : Files.readAllLines(task.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return Optional.of(new Task(name, cpu, voluntary, involuntary));
        } catch (IOException ended) {
            return Optional.empty();
        }
    }
}
