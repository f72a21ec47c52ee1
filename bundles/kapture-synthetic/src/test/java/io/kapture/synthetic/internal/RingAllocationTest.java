package io.kapture.synthetic.internal;

import static io.kapture.synthetic.internal.Sources.streaming;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;

/**
 * A throttled stream on the real clock makes every dequeue wait for its frame to fall due: that wait, the
 * painting and the requeue together allocate nothing. (Waiting on a {@code Condition} allocated a node per wait.)
 */
class RingAllocationTest {
    private static final int FRAMES = 600;

    private final AllocationMeter meter = new AllocationMeter();

    @Test
    void dequeueWaitPaintAndRequeueAllocateNothing() throws InterruptedException {
        assumeTrue(meter.supported(), "this JVM does not count allocated bytes per thread");
        SyntheticSource source = streaming(new SyntheticSourceProvider(), "synthetic", Map.of(), 160, 120,
                PixelFormat.YUYV, 1000, 2);
        try {
            cycle(source, FRAMES);
            long before = meter.allocatedBytes();
            cycle(source, FRAMES);
            long allocated = meter.allocatedBytes() - before;
            assertTrue(allocated < FRAMES, FRAMES + " frames at 1000 fps allocated " + allocated + " bytes");
        } finally {
            source.close();
        }
    }

    private static void cycle(SyntheticSource source, int frames) throws InterruptedException {
        for (int i = 0; i < frames; i++) {
            DriverBuffer buffer = source.dequeue(5, TimeUnit.SECONDS);
            assertNotNull(buffer, "a frame within 5 s at 1000 fps");
            source.queue(buffer);
        }
    }
}
