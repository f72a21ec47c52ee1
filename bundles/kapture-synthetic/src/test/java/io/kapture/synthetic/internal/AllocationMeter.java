package io.kapture.synthetic.internal;

import java.lang.management.ManagementFactory;

/** Heap bytes allocated by the current thread, from HotSpot's per-thread counter. Test helper; one thread. */
public final class AllocationMeter {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public boolean supported() {
        return threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
    }

    public long allocatedBytes() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
