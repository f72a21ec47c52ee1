package io.kapture.synthetic.internal;

import static io.kapture.synthetic.internal.Sources.now;
import static io.kapture.synthetic.internal.Sources.painted;
import static io.kapture.synthetic.internal.Sources.streaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;

/** One thread dequeues, others requeue, as a capture session with pooled or zero-copy delivery does. */
class ConcurrencyTest {
    private static final int BUFFERS = 4;
    private final ExecutorService requeuers = Executors.newFixedThreadPool(3);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger checked = new AtomicInteger();

    @AfterEach
    void shutdown() {
        requeuers.shutdownNow();
    }

    @Test
    void unthrottledStreamLosesNoBufferAndNoFrame() throws InterruptedException {
        SyntheticSourceProvider provider = new SyntheticSourceProvider();
        SyntheticSource source = streaming(provider, "synthetic", Map.of(), 160, 120, PixelFormat.GREY, 0, BUFFERS);
        FrameFormat format = SyntheticFormats.frameFormat(160, 120, PixelFormat.GREY);
        long expected = 0;
        while (expected < 5000) {
            DriverBuffer buffer = source.dequeue(5, TimeUnit.SECONDS);
            assertEquals(expected++, buffer.sequence(), "no frame lost while buffers keep coming back");
            requeuers.execute(() -> verifyAndRequeue(source, buffer, format));
        }
        finish();
        assertEquals(5000, checked.get());
        assertEquals(0, source.lostFrames());
        assertAllBuffersAccountedFor(source);
    }

    @Test
    void throttledStreamAccountsForEveryTick() throws InterruptedException {
        FakeClock clock = new FakeClock();
        SyntheticSourceProvider provider = new SyntheticSourceProvider(clock);
        SyntheticSource source = streaming(provider, "synthetic", Map.of(), 160, 120, PixelFormat.GREY, 1000, BUFFERS);
        FrameFormat format = SyntheticFormats.frameFormat(160, 120, PixelFormat.GREY);
        long delivered = 0;
        long previous = -1;
        for (int tick = 0; tick < 20_000; tick++) {
            clock.advanceMillis(1);
            DriverBuffer buffer = now(source);
            if (buffer != null) {
                assertTrue(buffer.sequence() > previous);
                previous = buffer.sequence();
                delivered++;
                requeuers.execute(() -> verifyAndRequeue(source, buffer, format));
            }
        }
        finish();
        int drained = assertAllBuffersAccountedFor(source);
        assertEquals(20_000, delivered + drained + source.lostFrames(),
                "every tick due so far either filled a buffer or was lost");
    }

    private void verifyAndRequeue(SyntheticSource source, DriverBuffer buffer, FrameFormat format) {
        try {
            if (painted(buffer, format) != buffer.sequence()) {
                throw new AssertionError("buffer " + buffer.index() + " changed while dequeued");
            }
            checked.incrementAndGet();
            source.queue(buffer);
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    private void finish() throws InterruptedException {
        requeuers.shutdown();
        assertTrue(requeuers.awaitTermination(30, TimeUnit.SECONDS), "requeuers finished");
        if (failure.get() != null) {
            throw new AssertionError("a requeuing thread failed", failure.get());
        }
    }

    /** Drains the filled buffers; with the queued ones they must be the whole ring. Returns how many were filled. */
    private static int assertAllBuffersAccountedFor(SyntheticSource source) throws InterruptedException {
        Set<Integer> seen = new HashSet<>();
        int drained = 0;
        for (DriverBuffer buffer = now(source); buffer != null; buffer = now(source)) {
            assertTrue(seen.add(buffer.index()), "buffer " + buffer.index() + " handed out twice");
            drained++;
        }
        assertEquals(BUFFERS, drained + source.queuedBuffers(), "filled + queued = every buffer");
        assertEquals(BUFFERS, source.bufferCount());
        return drained;
    }
}
