package io.kapture.v4l2;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.DeviceBusyException;
import io.kapture.api.DeviceLostException;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimDevice;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * Every descriptor closed and every mapping unmapped on every path, counted in procfs. The simulation's device
 * descriptors are real descriptors of the node files and its buffer mappings real mappings of them (through the
 * real JNA libc), so {@link ProcessResources} sees exactly what the capture source opened and mapped; the
 * simulation's own frame mapping lives while buffers exist and is counted too.
 */
class ResourceLeakTest {

    @TempDir
    Path root;

    private SimulatedKernel kernel;
    private SimDevice webcam;
    private String node;

    @BeforeEach
    void plugIn() {
        kernel = new SimulatedKernel(root);
        webcam = kernel.add(0, SimCamera.webcam("Sim Webcam"), "usb-Sim-video-index0", null);
        kernel.add(2, SimCamera.multiPlanar("Sim Sensor"), null, null);
        node = kernel.devRoot().resolve("video0").toString();
    }

    @Test
    void openStartStopCloseCyclesAndFailurePathsLeaveNothingBehind() throws InterruptedException {
        cycle(node);
        ProcessResources baseline = ProcessResources.count(root);
        assertEquals(new ProcessResources(baseline.descriptors(), 0, 0), baseline);

        V4l2CaptureSource streaming = V4l2Sources.open(kernel, node);
        streaming.start(4);
        assertEquals(new ProcessResources(baseline.descriptors() + 1, 1, 5), ProcessResources.count(root),
                "one device descriptor, four buffer mappings and the simulation's frame mapping");
        streaming.close();

        for (int i = 0; i < 3; i++) {
            cycle(node);
            cycle(kernel.devRoot().resolve("video2").toString());
        }
        assertEquals(baseline, ProcessResources.count(root), "after clean cycles");

        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            kernel.inject(V4l2.VIDIOC_STREAMON, Errno.EIO, 1);
            assertThrows(DeviceLostException.class, () -> source.start(4));
            kernel.inject(V4l2.VIDIOC_QUERYBUF, Errno.EINVAL, 1);
            assertThrows(V4l2InvalidArgumentException.class, () -> source.start(4));
        }
        assertEquals(baseline, ProcessResources.count(root), "after failed starts");

        try (V4l2CaptureSource owner = V4l2Sources.open(kernel, node)) {
            owner.start(2);
            assertThrows(DeviceBusyException.class, () -> V4l2Sources.open(kernel, node));
        }
        assertEquals(baseline, ProcessResources.count(root), "after a busy refusal");

        V4l2CaptureSource lost = V4l2Sources.open(kernel, node);
        lost.start(4);
        lost.queue(lost.dequeue(1, TimeUnit.SECONDS));
        webcam.unplug();
        assertThrows(DeviceLostException.class, () -> lost.dequeue(1, TimeUnit.SECONDS));
        lost.stop();
        lost.close();
        webcam.replug();
        assertEquals(baseline, ProcessResources.count(root), "after losing the device mid-stream");
        assertEquals(0, kernel.openDescriptors());
        assertEquals(0, kernel.clientMappings());
    }

    @Test
    void aBufferKeptPastStopReadsAsZerosAndIsUnmappedOnceUnreachable() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            source.start(2);
            AtomicReference<ByteBuffer> kept = new AtomicReference<>(
                    source.dequeue(1, TimeUnit.SECONDS).memory().asReadOnlyBuffer());
            long munmaps = kernel.calls("munmap");
            source.stop();
            assertEquals(1, source.orphanedMappings());
            assertEquals(0, ProcessResources.count(root).folderMappings(), "the device mapping was replaced at stop");

            awaitMunmaps(munmaps + 1, "the buffer nobody kept");
            ByteBuffer view = kept.get();
            for (int i = 0; i < view.capacity(); i += 4096) {
                assertEquals(0, view.get(i), "byte " + i + " of the retired mapping");
            }
            gc();
            assertEquals(munmaps + 1, kernel.calls("munmap"), "a range still referenced by a view was unmapped");

            view = null;
            kept.set(null);
            awaitMunmaps(munmaps + 2, "the kept buffer, once unreachable");
        }
    }

    /**
     * Many stream starts and stops while another thread keeps reading views of earlier streams' buffers (kept past
     * their release, as a careless listener would) and the collector runs: nothing crashes, views of retired buffers read zeros, and in the end every retired range is
     * unmapped: as many munmaps as buffers mapped.
     */
    @Test
    void retiredRangesAreAllUnmappedWhileViewsOfThemAreRead() throws Exception {
        int cycles = 60;
        int buffers = 3;
        List<ByteBuffer> views = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong nonZero = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                for (ByteBuffer view : views) {
                    for (int i = 0; i < view.capacity(); i += 4096) {
                        nonZero.addAndGet(view.get(i) == 0 ? 0 : 1);
                    }
                    reads.incrementAndGet();
                }
                Thread.onSpinWait();
            }
        }, "retired-view-reader");
        long munmaps = kernel.calls("munmap");
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            reader.start();
            for (int cycle = 0; cycle < cycles; cycle++) {
                source.start(buffers);
                DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
                ByteBuffer view = buffer.memory().duplicate();
                source.queue(buffer);
                source.stop();
                views.add(view);
                if (views.size() > 4) {
                    views.remove(0);
                }
                if (cycle % 10 == 9) {
                    gc();
                }
            }
            long before = reads.get();
            await().atMost(Duration.ofSeconds(20)).until(() -> reads.get() > before + 100);
        } finally {
            reading.set(false);
            reader.join();
        }
        assertEquals(0, nonZero.get(), "bytes of retired buffers that did not read as zero");
        views.clear();
        awaitMunmaps(munmaps + (long) cycles * buffers, "every retired range");
    }

    private void awaitMunmaps(long expected, String what) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            gc();
            assertEquals(expected, kernel.calls("munmap"), "munmaps after retiring " + what);
        });
    }

    private static void gc() {
        System.gc();
        System.runFinalization();
    }

    private void cycle(String device) throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, device)) {
            source.negotiate(new FormatRequest(640, 480, source.bufferType() == V4l2.BUF_TYPE_VIDEO_CAPTURE
                    ? PixelFormat.YUYV : PixelFormat.NV12, 30));
            source.start(3);
            for (int i = 0; i < 5; i++) {
                source.queue(source.dequeue(1, TimeUnit.SECONDS));
            }
            source.stop();
        }
    }
}
