package io.kapture.web.internal.metrics;

import static io.kapture.web.internal.metrics.PrometheusText.Type.COUNTER;
import static io.kapture.web.internal.metrics.PrometheusText.Type.GAUGE;
import static io.kapture.web.internal.metrics.PrometheusText.Type.SUMMARY;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.OptionalDouble;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The JVM's and the process's figures under the names the Prometheus Java client gives them ({@code jvm_*},
 * {@code process_*}), so that existing JVM dashboards work: heap and non-heap memory, direct and mapped buffers,
 * threads, garbage collections, and the process's resident memory, threads, descriptors and CPU time. The
 * process figures the JDK keeps only in {@code com.sun.management} are read as attributes of the platform MBean
 * server, so the bundle imports nothing beyond {@code java.management}; resident memory and native thread count
 * come from {@link ProcStatus} (Linux).
 *
 * <p>Stateless; safe from any thread.
 */
public final class JvmMetrics {

    private JvmMetrics() {
    }

    /** Adds the JVM's and the process's metrics. */
    public static void add(PrometheusText out) {
        memory(out, "heap", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage());
        memory(out, "nonheap", ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage());
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            out.family("jvm_buffer_pool_used_bytes", GAUGE, "Bytes used by a pool of NIO buffers.")
                    .sample(pool.getMemoryUsed(), "pool", pool.getName());
            out.family("jvm_buffer_pool_capacity_bytes", GAUGE, "Capacity of a pool of NIO buffers.")
                    .sample(pool.getTotalCapacity(), "pool", pool.getName());
            out.family("jvm_buffer_pool_used_buffers", GAUGE, "Buffers in a pool of NIO buffers.")
                    .sample(pool.getCount(), "pool", pool.getName());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.family("jvm_threads_current", GAUGE, "Live Java threads.").sample(threads.getThreadCount());
        out.family("jvm_threads_daemon", GAUGE, "Live Java daemon threads.").sample(threads.getDaemonThreadCount());
        out.family("jvm_threads_peak", GAUGE, "Most live Java threads since the JVM started.")
                .sample(threads.getPeakThreadCount());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.family("jvm_gc_collection_seconds", SUMMARY, "Time spent in garbage collections.")
                    .sample("_count", Math.max(0, gc.getCollectionCount()), "gc", gc.getName())
                    .sample("_sum", Math.max(0, gc.getCollectionTime()) / 1000.0, "gc", gc.getName());
        }
        process(out);
    }

    private static void memory(PrometheusText out, String area, MemoryUsage usage) {
        out.family("jvm_memory_bytes_used", GAUGE, "Memory used, by area.").sample(usage.getUsed(), "area", area);
        out.family("jvm_memory_bytes_committed", GAUGE, "Memory committed, by area.")
                .sample(usage.getCommitted(), "area", area);
        if (usage.getMax() >= 0) {
            out.family("jvm_memory_bytes_max", GAUGE, "The most memory an area may use.")
                    .sample(usage.getMax(), "area", area);
        }
    }

    private static void process(PrometheusText out) {
        out.family("process_start_time_seconds", GAUGE, "When the process started, seconds since the epoch.")
                .sample(ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName os = new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
            attribute(server, os, "ProcessCpuTime").ifPresent(nanos -> out.family("process_cpu_seconds_total",
                    COUNTER, "CPU time the process used, user and system.").sample(nanos / 1e9));
            attribute(server, os, "OpenFileDescriptorCount").ifPresent(open -> out.family("process_open_fds",
                    GAUGE, "Open file descriptors.").sample(open));
            attribute(server, os, "MaxFileDescriptorCount").ifPresent(max -> out.family("process_max_fds",
                    GAUGE, "The most file descriptors the process may open.").sample(max));
        } catch (JMException e) {
            throw new IllegalStateException("the platform's operating system MBean name is invalid", e);
        }
        ProcStatus status = ProcStatus.read();
        status.residentBytes().ifPresent(rss -> out.family("process_resident_memory_bytes", GAUGE,
                "Resident memory of the process.").sample(rss));
        status.virtualBytes().ifPresent(size -> out.family("process_virtual_memory_bytes", GAUGE,
                "Virtual memory of the process.").sample(size));
        status.threads().ifPresent(count -> out.family("process_threads", GAUGE, "Threads of the process, the"
                + " JVM's own (compiler, garbage collector) included.").sample(count));
    }

    private static OptionalDouble attribute(MBeanServer server, ObjectName name, String attribute) {
        try {
            Object value = server.getAttribute(name, attribute);
            return value instanceof Number number && number.doubleValue() >= 0
                    ? OptionalDouble.of(number.doubleValue()) : OptionalDouble.empty();
        } catch (JMException | RuntimeException notOnThisJvm) {
            return OptionalDouble.empty();
        }
    }
}
