package io.kapture.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kapture.api.Frame;
import io.kapture.api.FramePoolStats;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.testing.TestDriverBuffer;

/**
 * Many threads releasing (and double-releasing) the handles of the same frames at once: each frame's memory must
 * go back exactly once, whatever the interleaving.
 */
class ConcurrentReleaseTest {

    private static final int THREADS = 8;
    private static final int BUFFERS = 4;
    private static final int HANDLES = 8;
    private static final int ROUNDS = 300;

    @ParameterizedTest
    @ValueSource(strings = { "copy", "pool", "zerocopy" })
    void memoryGoesBackExactlyOncePerFrameAndNeverEarly(String name) throws Exception {
        FakeContext context = new FakeContext("cam0", BUFFERS);
        TestDriverBuffer[] buffers = new TestDriverBuffer[BUFFERS];
        for (int i = 0; i < BUFFERS; i++) {
            buffers[i] = new TestDriverBuffer(i, 4096);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try (Fixture fixture = new Fixture(name)) {
            for (int round = 0; round < ROUNDS; round++) {
                Frame[] keepers = new Frame[BUFFERS];
                Frame[] handles = new Frame[BUFFERS * HANDLES];
                for (int b = 0; b < BUFFERS; b++) {
                    Frame first = fixture.strategy.wrap(buffers[b].stamp((long) round * BUFFERS + b, 1000), context);
                    keepers[b] = first.retain("keeper");
                    handles[b * HANDLES] = first;
                    for (int h = 1; h < HANDLES; h++) {
                        handles[b * HANDLES + h] = first.retain("holder-" + h);
                    }
                }
                releaseFromAllThreads(executor, handles);

                int requeuedSoFar = fixture.holdsDriverBuffer() ? round : round + 1;
                for (int b = 0; b < BUFFERS; b++) {
                    assertEquals(requeuedSoFar, context.requeues(b), name + ": buffer " + b + " went back early");
                    assertEquals((long) round * BUFFERS + b, keepers[b].sequence());
                }
                assertEquals(DeliveryStrategy.POOL.equals(name) ? BUFFERS : 0, fixture.poolStats().outstanding());
                for (Frame keeper : keepers) {
                    keeper.release();
                }
                for (int b = 0; b < BUFFERS; b++) {
                    assertEquals(round + 1, context.requeues(b), name + ": requeues of buffer " + b);
                }
                for (Frame handle : handles) {
                    assertTrue(handle.isReleased());
                }
            }
            assertEquals(0, fixture.poolStats().outstanding());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void leaseReclaimRacingWithReleasesRequeuesOnce() throws Exception {
        FakeContext context = new FakeContext("cam0", BUFFERS);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1);
        try (Fixture fixture = new Fixture(DeliveryStrategy.ZEROCOPY)) {
            ZeroCopyDelivery delivery = (ZeroCopyDelivery) fixture.strategy;
            long farFuture = System.nanoTime() + TimeUnit.DAYS.toNanos(2);
            for (int round = 0; round < ROUNDS; round++) {
                Frame[] handles = new Frame[BUFFERS * HANDLES];
                for (int b = 0; b < BUFFERS; b++) {
                    Frame first = fixture.strategy.wrap(new TestDriverBuffer(b, 4096).stamp(round, 1000), context);
                    handles[b * HANDLES] = first;
                    for (int h = 1; h < HANDLES; h++) {
                        handles[b * HANDLES + h] = first.retain("holder-" + h);
                    }
                }
                Future<Integer> reaper = executor.submit(() -> delivery.reapExpired(farFuture));
                releaseFromAllThreads(executor, handles);
                reaper.get(30, TimeUnit.SECONDS);

                for (int b = 0; b < BUFFERS; b++) {
                    assertEquals(round + 1, context.requeues(b), "requeues of buffer " + b);
                }
            }
            assertTrue(context.reclaimedLeases() <= ROUNDS * BUFFERS);
        } finally {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pool", "zerocopy" })
    void pooledBuffersAllComeBack(String name) throws Exception {
        FakeContext context = new FakeContext("cam0", BUFFERS);
        context.queued(DeliveryStrategy.ZEROCOPY.equals(name) ? 0 : 3);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try (Fixture fixture = new Fixture(name)) {
            for (int round = 0; round < ROUNDS; round++) {
                Frame[] handles = new Frame[BUFFERS * HANDLES];
                for (int b = 0; b < BUFFERS; b++) {
                    Frame first = fixture.strategy.wrap(new TestDriverBuffer(b, 4096).stamp(round, 1000), context);
                    handles[b * HANDLES] = first;
                    for (int h = 1; h < HANDLES; h++) {
                        handles[b * HANDLES + h] = first.retain("holder-" + h);
                    }
                }
                releaseFromAllThreads(executor, handles);
            }
            FramePoolStats stats = fixture.poolStats();
            assertEquals((long) ROUNDS * BUFFERS, stats.gets());
            assertEquals(stats.gets(), stats.returns());
            assertEquals(0, stats.outstanding());
            assertEquals(DeliveryStrategy.ZEROCOPY.equals(name) ? ROUNDS * BUFFERS : 0, context.fallbackCopies());
            assertEquals(ROUNDS * BUFFERS, context.totalRequeues());
        } finally {
            executor.shutdownNow();
        }
    }

    /** Every thread releases every handle, each in its own order, all starting together. */
    private static void releaseFromAllThreads(ExecutorService executor, Frame[] handles) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int offset = t * 5;
            boolean backwards = (t & 1) == 1;
            done.add(executor.submit(() -> {
                start.await();
                for (int i = 0; i < handles.length; i++) {
                    int k = (offset + i) % handles.length;
                    handles[backwards ? handles.length - 1 - k : k].release();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
    }
}
