package io.kapture.processor.stats.internal;

import static io.kapture.processor.stats.internal.StatsProcessorTest.FRAME_30FPS;
import static io.kapture.processor.stats.internal.StatsProcessorTest.MS;
import static io.kapture.processor.stats.internal.StatsProcessorTest.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.processor.stats.CameraMetrics;
import io.kapture.testing.TestFrame;

/**
 * The threading contract: one delivery thread per camera calling {@link StatsProcessor#onFrame} at the same time
 * as other cameras' threads and as readers of the metrics; and the steady state allocating nothing.
 */
class ConcurrentCamerasTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "test threads did not stop");
    }

    @Test
    void twoCamerasDeliveredConcurrentlyKeepTheirOwnFigures() throws Exception {
        CameraFeed regular = new CameraFeed("cam0", START).regular(3000, FRAME_30FPS);
        CameraFeed irregular = new CameraFeed("cam1", START + 7 * MS);
        for (int i = 0; i < 100; i++) {
            irregular.alternating(10, 30 * MS, 36 * MS).gap(2, 33 * MS);
        }
        AtomicLong clock = new AtomicLong(Math.max(regular.lastReceivedNanos(), irregular.lastReceivedNanos()));
        StatsProcessor processor = new StatsProcessor(StatsProcessorTest.window(5), clock::get);
        CountDownLatch startTogether = new CountDownLatch(3);
        AtomicBoolean feeding = new AtomicBoolean(true);

        Future<Long> reads = threads.submit(() -> readWhileFeeding(processor, startTogether, feeding));
        Future<?> cam0 = threads.submit(() -> deliver(processor, regular, startTogether));
        Future<?> cam1 = threads.submit(() -> deliver(processor, irregular, startTogether));
        cam0.get(30, TimeUnit.SECONDS);
        cam1.get(30, TimeUnit.SECONDS);
        feeding.set(false);
        assertTrue(reads.get(30, TimeUnit.SECONDS) > 0, "the reader took no snapshot");

        clock.set(regular.lastReceivedNanos());
        CameraMetrics first = processor.camera("cam0").orElseThrow();
        assertEquals(3001, first.frames());
        assertEquals(0, first.sequenceGaps());
        assertEquals(30.0, first.fps(), 0.001);
        assertEquals(0.0, first.jitterMaxMicros(), 0.001);

        clock.set(irregular.lastReceivedNanos());
        CameraMetrics second = processor.camera("cam1").orElseThrow();
        assertEquals(1 + 100 * 21, second.frames());
        assertEquals(100, second.sequenceGaps());
        assertEquals(200, second.gapFrames());
        // Per 21 intervals: 20 alternate 30/36 ms (3 ms off the 33 ms mean), the one across a gap is 33 ms.
        assertEquals(3000.0 * 20 / 21, second.jitterMeanMicros(), 30.0);
    }

    /** Once a camera's window has grown, a frame costs no heap allocation at all. */
    @Test
    void theSteadyStateAllocatesNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicLong clock = new AtomicLong();
        StatsProcessor processor = new StatsProcessor(StatsProcessorTest.window(5), clock::get);
        List<TestFrame> frames = new CameraFeed("cam0", START).regular(20_000, FRAME_30FPS).frames();
        frames.subList(0, 10_000).forEach(processor::onFrame);
        List<TestFrame> steady = frames.subList(10_000, frames.size());
        long threadId = Thread.currentThread().getId();
        bean.getThreadAllocatedBytes(threadId);

        long before = bean.getThreadAllocatedBytes(threadId);
        for (TestFrame frame : steady) {
            processor.onFrame(frame);
        }
        long allocated = bean.getThreadAllocatedBytes(threadId) - before;

        assertTrue(allocated < 1024, steady.size() + " frames allocated " + allocated + " bytes");
    }

    private static void deliver(StatsProcessor processor, CameraFeed feed, CountDownLatch startTogether) {
        startTogether.countDown();
        awaitQuietly(startTogether);
        feed.frames().forEach(processor::onFrame);
    }

    /** Snapshots must stay consistent while frames arrive: per camera, counts never go back and add up. */
    private static long readWhileFeeding(StatsProcessor processor, CountDownLatch startTogether,
            AtomicBoolean feeding) {
        startTogether.countDown();
        awaitQuietly(startTogether);
        Map<String, Long> lastFrames = new HashMap<>();
        long snapshots = 0;
        while (feeding.get() || snapshots == 0) {
            for (CameraMetrics metrics : processor.cameras()) {
                long previous = lastFrames.getOrDefault(metrics.camera(), 0L);
                assertTrue(metrics.frames() >= previous, metrics.camera() + " went back from " + previous);
                assertTrue(metrics.gapFrames() == 2 * metrics.sequenceGaps(), "torn snapshot " + metrics);
                lastFrames.put(metrics.camera(), metrics.frames());
                snapshots++;
            }
        }
        return snapshots;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the other test threads did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other test threads", e);
        }
    }
}
