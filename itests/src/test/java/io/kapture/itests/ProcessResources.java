package io.kapture.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a leak in the container's JVM would make grow, read from {@code /proc/self} and the management beans:
 * open descriptors, memory mappings, direct-buffer bytes and live threads, after asking for a full collection so
 * that buffers nobody references any more are freed first.
 *
 * <p>Immutable snapshot; {@link #now()} may be called from any thread.
 *
 * @param descriptors entries of /proc/self/fd
 * @param mappings    lines of /proc/self/maps
 * @param directBytes memory of the JVM's {@code direct} buffer pool
 * @param threads     live threads
 * @param threadNames live threads by name, digits folded to {@code #}, to say which threads a leak left
 */
record ProcessResources(long descriptors, long mappings, long directBytes, long threads,
        Map<String, Long> threadNames) {

    static ProcessResources now() {
        System.gc();
        System.gc();
        Map<String, Long> names = Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(thread -> thread.getName().replaceAll("[0-9]+", "#"), TreeMap::new,
                        Collectors.counting()));
        return new ProcessResources(count(Path.of("/proc/self/fd")), lines(Path.of("/proc/self/maps")),
                ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                        .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed)
                        .sum(),
                ManagementFactory.getThreadMXBean().getThreadCount(), names);
    }

    /** These figures with {@code pooledBytes} of direct memory left out (memory a frame pool keeps on purpose). */
    ProcessResources besidesPooled(long pooledBytes) {
        return new ProcessResources(descriptors, mappings, directBytes - pooledBytes, threads, threadNames);
    }

    /** The thread names there are more of now than at {@code start}, with how many more. */
    String moreThreadsThan(ProcessResources start) {
        Map<String, Long> more = new TreeMap<>();
        threadNames.forEach((name, count) -> {
            long before = start.threadNames.getOrDefault(name, 0L);
            if (count > before) {
                more.put(name, count - before);
            }
        });
        return more.toString();
    }

    /** Whether every figure is at most {@code start}'s plus the given allowance. */
    boolean within(ProcessResources start, long descriptorSlack, long mappingSlack, long directSlack,
            long threadSlack) {
        return descriptors <= start.descriptors + descriptorSlack && mappings <= start.mappings + mappingSlack
                && directBytes <= start.directBytes + directSlack && threads <= start.threads + threadSlack;
    }

    @Override
    public String toString() {
        return String.format("fds %d, maps %d, direct %.1f MiB, threads %d", descriptors, mappings,
                directBytes / 1048576.0, threads);
    }

    private static long count(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
