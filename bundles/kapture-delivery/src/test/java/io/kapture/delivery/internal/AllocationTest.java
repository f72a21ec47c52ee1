package io.kapture.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kapture.api.Frame;
import io.kapture.testing.TestDriverBuffer;

/**
 * Counts the heap bytes a warm wrap-and-release allocates, from HotSpot's per-thread allocation counter. The
 * pool and zero-copy paths may allocate the frame handle only (24 bytes with compressed pointers); the copy
 * baseline allocates at least its array, which also shows the counter works. Tagged {@code allocation-budget}:
 * run in a fork of its own with {@code -Xbatch}, so the warm-up leaves the path compiled.
 */
@Tag("allocation-budget")
class AllocationTest {

    private static final int FRAMES = 20_000;
    private static final int BYTES = 8192;
    /** One small object per frame; any second object (a view, a boxed value, a lambda) would exceed it. */
    private static final long HANDLE_BUDGET = 32;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @ValueSource(strings = { "pool", "zerocopy" })
    void warmWrapAndReleaseAllocateOnlyTheHandle(String name) {
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes per thread");
        try (Fixture fixture = new Fixture(name)) {
            FakeContext context = new FakeContext("cam0", 2);
            TestDriverBuffer[] buffers = { new TestDriverBuffer(0, BYTES), new TestDriverBuffer(1, BYTES) };
            run(fixture, context, buffers, FRAMES);

            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            run(fixture, context, buffers, FRAMES);
            long perFrame = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / (2L * FRAMES);

            assertTrue(perFrame <= HANDLE_BUDGET, name + " allocated " + perFrame + " bytes per frame");
            assertEquals(4 * FRAMES, context.totalRequeues());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "copy" })
    void copyBaselineAllocatesTheImageEachFrame(String name) {
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes per thread");
        try (Fixture fixture = new Fixture(name)) {
            FakeContext context = new FakeContext("cam0", 2);
            TestDriverBuffer[] buffers = { new TestDriverBuffer(0, BYTES), new TestDriverBuffer(1, BYTES) };
            run(fixture, context, buffers, 1000);

            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            run(fixture, context, buffers, 1000);
            long perFrame = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / 2000;

            assertTrue(perFrame >= BYTES, "copy allocated only " + perFrame + " bytes per frame");
        }
    }

    /** Two frames in flight at a time, as a listener queue would hold them. */
    private static void run(Fixture fixture, FakeContext context, TestDriverBuffer[] buffers, int frames) {
        for (int i = 0; i < frames; i++) {
            Frame a = fixture.strategy.wrap(buffers[0].stamp(2L * i, BYTES), context);
            Frame b = fixture.strategy.wrap(buffers[1].stamp(2L * i + 1, BYTES), context);
            a.release();
            b.release();
        }
    }
}
