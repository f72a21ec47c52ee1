package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * The V4L2 source's per-frame path ({@code dequeue}: poll + DQBUF, {@code queue}: QBUF) allocates nothing once
 * compiled, so a capture thread makes no garbage. The simulation sets the stream up and {@link LeanFrameCalls}
 * answers the per-frame calls without allocating, so the heap bytes counted on this thread are the source's own
 * (HotSpot's per-thread allocation counter; a count, not a timing).
 *
 * <p>Runs on the test thread only. Tagged {@code allocation-budget}: run in a fork of its own with {@code -Xbatch},
 * so the warm-up leaves the path compiled (see kapture-bundles' pom.xml).
 */
@Tag("allocation-budget")
class PerFrameAllocationTest {

    private static final int WARM_UP = 30_000;
    private static final int FRAMES = 10_000;

    @TempDir
    Path root;

    @Test
    void dequeueAndQueueAllocateNothingPerFrame() throws InterruptedException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes per thread");
        SimulatedKernel kernel = new SimulatedKernel(root);
        kernel.add(0, SimCamera.webcam("Sim Webcam"), null, null);
        LeanFrameCalls libc = new LeanFrameCalls(kernel);
        V4l2Source source = V4l2Source.open(libc, kernel.devRoot().resolve("video0").toString());
        try {
            source.negotiate(new FormatRequest(640, 480, PixelFormat.YUYV, 30));
            source.start(4);
            libc.takeOver(4);
            long afterWarmUp = cycle(source, WARM_UP);
            long before = threads.getCurrentThreadAllocatedBytes();
            long last = cycle(source, FRAMES);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertEquals(afterWarmUp + FRAMES, last, "every frame went through the source, in sequence");
            assertTrue(allocated < FRAMES, allocated + " bytes allocated for " + FRAMES + " frames: "
                    + (double) allocated / FRAMES + " B per frame, expected none");
        } finally {
            source.close();
        }
    }

    /** Dequeues and queues back {@code frames} frames; returns the sequence of the last. */
    private static long cycle(V4l2Source source, int frames) throws InterruptedException {
        long sequence = -1;
        for (int i = 0; i < frames; i++) {
            DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
            sequence = buffer.sequence();
            source.queue(buffer);
        }
        return sequence;
    }
}
