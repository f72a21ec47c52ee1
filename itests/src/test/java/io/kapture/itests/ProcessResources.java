package io.kapture.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
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
 * @param threadNames live threads by name pattern (digits folded to {@code #}), to say which threads a leak left
 */
record ProcessResources(long descriptors, long mappings, long directBytes, long threads,
        Map<String, Long> threadNames) {

    static ProcessResources now() {
        System.gc();
        System.gc();
        return new ProcessResources(count(Path.of("/proc/self/fd")), lines(Path.of("/proc/self/maps")),
                ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                        .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed)
                        .sum(),
                ManagementFactory.getThreadMXBean().getThreadCount(), threadPatterns());
    }

    /** Only the threads, without a collection and with the other figures 0: cheap enough for every step. */
    static ProcessResources threadsOnly() {
        return new ProcessResources(0, 0, 0, ManagementFactory.getThreadMXBean().getThreadCount(), threadPatterns());
    }

    private static Map<String, Long> threadPatterns() {
        return Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(thread -> pattern(thread.getName()), TreeMap::new,
                        Collectors.counting()));
    }

    /** These figures with {@code pooledBytes} of direct memory left out (memory a frame pool keeps on purpose). */
    ProcessResources besidesPooled(long pooledBytes) {
        return new ProcessResources(descriptors, mappings, directBytes - pooledBytes, threads, threadNames);
    }

    /**
     * These figures without the threads whose name pattern {@code transientThread} accepts: threads that come and
     * go on their own (an idle timeout, the test's own poller), which say nothing of a leak either way.
     */
    ProcessResources besidesThreads(Predicate<String> transientThread) {
        Map<String, Long> kept = new TreeMap<>(threadNames);
        kept.keySet().removeIf(transientThread);
        long removed = threadNames.values().stream().mapToLong(Long::longValue).sum()
                - kept.values().stream().mapToLong(Long::longValue).sum();
        return new ProcessResources(descriptors, mappings, directBytes, threads - removed, kept);
    }

    /** Whether every figure is at most {@code start}'s plus the given allowance. */
    boolean within(ProcessResources start, Allowance allowance) {
        return excessOver(start, allowance).isEmpty();
    }

    /**
     * Each figure that is above {@code start}'s plus its allowance, in words ("threads 95 > 83 + 8"), joined by
     * "; "; empty when none is.
     */
    String excessOver(ProcessResources start, Allowance allowance) {
        List<String> over = new ArrayList<>();
        if (descriptors > start.descriptors + allowance.descriptors()) {
            over.add("descriptors " + descriptors + " > " + start.descriptors + " + " + allowance.descriptors());
        }
        if (mappings > start.mappings + allowance.mappings()) {
            over.add("mappings " + mappings + " > " + start.mappings + " + " + allowance.mappings());
        }
        if (directBytes > start.directBytes + allowance.directBytes()) {
            over.add("direct bytes " + directBytes + " > " + start.directBytes + " + " + allowance.directBytes());
        }
        if (threads > start.threads + allowance.threads()) {
            over.add("threads " + threads + " > " + start.threads + " + " + allowance.threads());
        }
        return String.join("; ", over);
    }

    /**
     * How the threads changed since {@code start}, by name pattern, most grown first: "+12 EventAdminAsyncThread #
     * (2 -> 14), -1 qtp#-# (9 -> 8)"; "no change" when every pattern has as many threads as at the start.
     */
    String threadChangesSince(ProcessResources start) {
        Set<String> patterns = new TreeSet<>(threadNames.keySet());
        patterns.addAll(start.threadNames.keySet());
        String changes = patterns.stream()
                .filter(name -> count(name) != start.count(name))
                .sorted(Comparator.comparingLong((String name) -> start.count(name) - count(name))
                        .thenComparing(Comparator.naturalOrder()))
                .map(name -> String.format("%+d %s (%d -> %d)", count(name) - start.count(name), name,
                        start.count(name), count(name)))
                .collect(Collectors.joining(", "));
        return changes.isEmpty() ? "no change" : changes;
    }

    /** The name patterns there are more threads of now than at {@code start}. */
    Set<String> grownThreadPatterns(ProcessResources start) {
        return threadNames.keySet().stream().filter(name -> count(name) > start.count(name))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The live threads whose name fits one of {@code patterns}, each with its state and the top of its stack: what
     * a generic name such as {@code pool-#-thread-#} does not say (whose pool it is, what it waits in).
     */
    static String describeThreads(Set<String> patterns, int frames) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> patterns.contains(pattern(entry.getKey().getName())))
                .sorted(Comparator.comparing(entry -> entry.getKey().getName()))
                .map(entry -> "  \"" + entry.getKey().getName() + "\" " + entry.getKey().getState()
                        + (entry.getKey().isDaemon() ? " daemon" : "") + Arrays.stream(entry.getValue())
                                .limit(frames).map(frame -> "\n      at " + frame).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return String.format("fds %d, maps %d, direct %.1f MiB, threads %d", descriptors, mappings,
                directBytes / 1048576.0, threads);
    }

    private long count(String pattern) {
        return threadNames.getOrDefault(pattern, 0L);
    }

    private static String pattern(String threadName) {
        return threadName.replaceAll("[0-9]+", "#");
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

    /**
     * How far above the start each figure may end without being called a leak: what the JVM and third-party pools
     * do on their own.
     *
     * @param descriptors open descriptors
     * @param mappings    lines of /proc/self/maps
     * @param directBytes direct-buffer bytes
     * @param threads     live threads
     */
    record Allowance(long descriptors, long mappings, long directBytes, long threads) {
    }
}
