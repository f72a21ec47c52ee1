package io.kapture.pool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.FramePoolStats;

/** The pool under eight threads, and the allocation-free warm path. */
class BoundedFramePoolConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20_000;
    private static final int[] SIZES = { 4096, 20_000, 61_440 };
    private static final long BUDGET = 512 * 1024;

    @Test
    void statsAreExactAndNoBufferIsSharedWhenEightThreadsHammerThePool() throws Exception {
        BoundedFramePool pool = new BoundedFramePool(BUDGET);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                long marker = t + 1;
                workers.add(executor.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        BufferKind kind = (round & 1) == 0 ? BufferKind.HEAP : BufferKind.DIRECT;
                        ByteBuffer first = pool.acquire(SIZES[round % SIZES.length], kind);
                        ByteBuffer second = pool.acquire(SIZES[(round + 1) % SIZES.length], kind);
                        first.putLong(0, marker);
                        second.putLong(0, marker);
                        Thread.onSpinWait();
                        assertEquals(marker, first.getLong(0), "buffer handed to two threads at once");
                        assertEquals(marker, second.getLong(0), "buffer handed to two threads at once");
                        pool.release(second);
                        pool.release(first);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        FramePoolStats stats = pool.stats();
        long expected = 2L * THREADS * ROUNDS;
        assertEquals(expected, stats.gets());
        assertEquals(expected, stats.returns());
        assertEquals(0, stats.outstanding());
        assertTrue(stats.allocations() >= 1 && stats.allocations() <= expected, "allocations " + stats.allocations());
        assertTrue(stats.bytesHeld() <= BUDGET, "bytes held " + stats.bytesHeld());
        assertEquals(freeBytes(pool), stats.bytesHeld(), "bytes held must be exactly the free buffers when quiet");
    }

    /** Tagged {@code allocation-budget}: run in a fork of its own with {@code -Xbatch} (see kapture-bundles' pom.xml). */
    @Test
    @Tag("allocation-budget")
    void warmPoolAllocatesNothing() {
        AllocationMeter meter = new AllocationMeter();
        assumeTrue(meter.supported(), "this JVM does not count allocated bytes per thread");
        BoundedFramePool pool = new BoundedFramePool(64L << 20);
        for (int i = 0; i < 20_000; i++) {
            cycle(pool);
        }

        long before = meter.allocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            cycle(pool);
        }
        long allocated = meter.allocatedBytes() - before;

        assertTrue(allocated < 4096, "100000 warm acquire/release cycles allocated " + allocated + " bytes");
        assertEquals(0, pool.stats().outstanding());
        assertEquals(4, pool.stats().allocations());
    }

    private static void cycle(BoundedFramePool pool) {
        ByteBuffer a = pool.acquire(614_400, BufferKind.DIRECT);
        ByteBuffer b = pool.acquire(614_400, BufferKind.DIRECT);
        ByteBuffer c = pool.acquire(10_000, BufferKind.HEAP);
        ByteBuffer d = pool.acquire(10_000, BufferKind.HEAP);
        pool.release(a);
        pool.release(c);
        pool.release(b);
        pool.release(d);
    }

    private static long freeBytes(BoundedFramePool pool) {
        long bytes = 0;
        for (BufferKind kind : BufferKind.values()) {
            for (int size : SIZES) {
                bytes += (long) pool.freeBuffers(size, kind) * SizeClasses.capacityOf(SizeClasses.classOf(size));
            }
        }
        return bytes;
    }
}
