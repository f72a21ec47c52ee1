package io.kapture.v4l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
    void aBufferKeptPastStopReadsAsZerosInsteadOfCrashing() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            source.start(2);
            DriverBuffer kept = source.dequeue(1, TimeUnit.SECONDS);
            ByteBuffer view = kept.memory().duplicate();
            assertTrue(view.capacity() > 0);
            source.stop();
            assertEquals(1, source.orphanedMappings());
            assertEquals(0, ProcessResources.count(root).folderMappings(), "the device mapping was replaced at stop");
            for (int i = 0; i < view.capacity(); i += 4096) {
                assertEquals(0, view.get(i), "byte " + i + " of the replaced mapping");
            }
        }
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
