package io.kapture.benchmarks.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads what a leak would make grow, from the JVM's management beans and from {@code /proc/self}: heap in use
 * right after a full collection, direct-buffer memory, open descriptors, memory mappings, live threads, and the
 * collectors' cumulative counts and pause time.
 *
 * <p>Stateless; safe from any thread. {@link #heapAfterGc()} asks for a full collection, so call it from the
 * sampling thread only, once per sample.
 */
final class ProcessProbe {

    private static final Path FDS = Path.of("/proc/self/fd");
    private static final Path MAPS = Path.of("/proc/self/maps");

    private ProcessProbe() {
    }

    /** Heap bytes in use after {@link System#gc()}; two rounds so that finalizable and reference queues settle. */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Bytes of the JVM's {@code direct} buffer pool (what {@code ByteBuffer.allocateDirect} holds). */
    static long directBytes() {
        return directPool().getMemoryUsed();
    }

    /** Buffers in the JVM's {@code direct} buffer pool. */
    static long directCount() {
        return directPool().getCount();
    }

    /** Open file descriptors of this process. */
    static long openDescriptors() {
        try (Stream<Path> entries = Files.list(FDS)) {
            return entries.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FDS + "; the soak needs Linux /proc", e);
        }
    }

    /** Lines of {@code /proc/self/maps}: the process' memory mappings. */
    static long mappings() {
        try (Stream<String> lines = Files.lines(MAPS)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MAPS + "; the soak needs Linux /proc", e);
        }
    }

    /** Live threads of the JVM. */
    static long threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Collections by every collector so far. */
    static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(count -> count > 0).sum();
    }

    /** Milliseconds spent collecting by every collector so far (pauses and, for concurrent ones, cycle time). */
    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(time -> time > 0).sum();
    }

    private static BufferPoolMXBean directPool() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst()
                .orElseThrow(() -> new IllegalStateException("this JVM reports no 'direct' buffer pool"));
    }
}
