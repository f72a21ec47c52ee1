package io.kapture.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes allocated so far by each of Kapture's threads (capture, delivery, lease reaper), read through HotSpot's
 * per-thread allocation counter. Two snapshots apart divided by the frames in between give exact bytes per frame
 * per thread, without a profiler.
 *
 * <p>Immutable snapshot; {@link #now()} may be called from any thread.
 */
final class ThreadAllocations {

    private static final String PREFIX = "kapture-";

    private final Map<String, Long> bytesByThread;

    private ThreadAllocations(Map<String, Long> bytesByThread) {
        this.bytesByThread = bytesByThread;
    }

    /** The counters of every live thread whose name starts with {@code kapture-}. */
    static ThreadAllocations now() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, Long> bytes = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(PREFIX)) {
                bytes.merge(thread.getName(), threads.getThreadAllocatedBytes(thread.getId()), Long::sum);
            }
        }
        return new ThreadAllocations(bytes);
    }

    /** Per thread, the bytes allocated since {@code earlier}; threads that were not there then count from 0. */
    Map<String, Long> since(ThreadAllocations earlier) {
        Map<String, Long> delta = new TreeMap<>();
        bytesByThread.forEach((name, bytes) -> delta.put(name, bytes - earlier.bytesByThread.getOrDefault(name, 0L)));
        return delta;
    }
}
