package io.kapture.pool.internal;

import java.lang.management.ManagementFactory;

/**
 * Heap bytes allocated by the current thread, from HotSpot's per-thread counter. Test helper; one thread.
 */
final class AllocationMeter {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    boolean supported() {
        return threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
    }

    long allocatedBytes() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
