package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.CaptureException;
import io.kapture.api.DeviceBusyException;
import io.kapture.api.DeviceLostException;
import io.kapture.api.FrameFlags;
import io.kapture.api.PixelFormat;
import io.kapture.api.UnsupportedFormatException;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2CaptureSource;
import io.kapture.v4l2.V4l2Sources;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimDevice;
import io.kapture.v4l2.sim.SimulatedKernel;

/** The capture source's streaming path against the userspace V4L2 simulation. */
class V4l2SourceTest {

    @TempDir
    Path root;

    private SimulatedKernel kernel;
    private SimDevice webcam;
    private SimDevice sensor;

    @BeforeEach
    void plugIn() {
        kernel = new SimulatedKernel(root);
        webcam = kernel.add(0, SimCamera.webcam("Sim Webcam"), "usb-Sim_Webcam_0001-video-index0", null);
        sensor = kernel.add(2, SimCamera.multiPlanar("Sim Sensor"), null, "platform-fe801000.csi-video-index0");
        kernel.add(1, SimCamera.metadata("Sim Webcam"), "usb-Sim_Webcam_0001-video-index1", null);
    }

    private String node(int number) {
        return kernel.devRoot().resolve("video" + number).toString();
    }

    @Test
    void streamsFramesInSequenceFromTheMappedBuffersThemselves() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            source.negotiate(new FormatRequest(640, 480, PixelFormat.YUYV, 30));
            source.start(4);
            assertEquals(4, source.bufferCount());
            assertEquals(4, source.queuedBuffers());
            for (long expected = 0; expected < 20; expected++) {
                DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
                assertNotNull(buffer, "frame " + expected);
                assertEquals(expected, buffer.sequence());
                assertEquals(expected, buffer.memory().order(ByteOrder.nativeOrder()).getLong(0),
                        "the frame's bytes are read through the mapping itself");
                assertEquals(640 * 480 * 2, buffer.bytesUsed());
                assertTrue(buffer.memory().isDirect());
                assertEquals(FrameFlags.TIMESTAMP_MONOTONIC, buffer.flags() & FrameFlags.TIMESTAMP_MASK);
                assertTrue(buffer.timestampNanos() > 0 && buffer.timestampNanos() <= System.nanoTime());
                source.queue(buffer);
            }
            source.stop();
            assertEquals(0, source.bufferCount());
        }
        assertEquals(0, kernel.openDescriptors());
        assertEquals(0, kernel.clientMappings());
        assertEquals(40, kernel.calls("VIDIOC_DQBUF") + kernel.calls("VIDIOC_QBUF") - 4);
    }

    @Test
    void framesWithoutAQueuedBufferAreLostAndShowAsSequenceGaps() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            source.negotiate(new FormatRequest(640, 480, PixelFormat.YUYV, 30));
            webcam.current().queue().autoFrames(false);
            source.start(2);
            webcam.current().queue().produce(2);
            DriverBuffer first = source.dequeue(1, TimeUnit.SECONDS);
            DriverBuffer second = source.dequeue(1, TimeUnit.SECONDS);
            webcam.current().queue().produce(3);
            assertEquals(3, webcam.current().queue().lost());
            assertNull(source.dequeue(20, TimeUnit.MILLISECONDS), "nothing is queued, so nothing was captured");
            source.queue(first);
            source.queue(second);
            webcam.current().queue().produce(1);
            assertEquals(5, source.dequeue(1, TimeUnit.SECONDS).sequence(), "sequence 2..4 were lost");
        }
    }

    @Test
    void corruptedFramesCarryTheErrorFlag() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            webcam.current().queue().errorEvery(3);
            source.start(3);
            int flagged = 0;
            for (int i = 0; i < 9; i++) {
                DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
                if ((buffer.flags() & FrameFlags.ERROR) != 0) {
                    flagged++;
                    assertEquals(2, buffer.sequence() % 3);
                }
                source.queue(buffer);
            }
            assertEquals(3, flagged);
        }
    }

    @Test
    void mjpegFramesThatAreNotWholeJpegsAreFlaggedCorrupted() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            source.negotiate(new FormatRequest(640, 480, PixelFormat.MJPEG, 30));
            webcam.current().queue().truncateEvery(3);
            assertOnlyEveryThirdFrameIsFlagged(source, " ends with FF D9 and zero padding", " was cut short");
        }
    }

    @Test
    void h264FramesThatAreNotWholeAccessUnitsAreFlaggedCorrupted() throws InterruptedException {
        SimDevice encoder = kernel.add(4, SimCamera.h264("Sim H.264"), "usb-Sim_H264_0001-video-index0", null);
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(4))) {
            source.negotiate(new FormatRequest(640, 480, PixelFormat.H264, 30));
            encoder.current().queue().truncateEvery(3);
            assertOnlyEveryThirdFrameIsFlagged(source, " holds an SPS and an IDR slice", " was cut after its SPS");
        }
    }

    /**
     * Streams 9 frames from a source whose driver cuts every third one short (sequence 2, 5, 8): exactly those
     * carry the error flag. {@code whole} and {@code cut} say in the failure what such a frame is.
     */
    private static void assertOnlyEveryThirdFrameIsFlagged(V4l2CaptureSource source, String whole, String cut)
            throws InterruptedException {
        source.start(3);
        int flagged = 0;
        for (int i = 0; i < 9; i++) {
            DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
            boolean isWhole = buffer.sequence() % 3 != 2;
            assertEquals(!isWhole, (buffer.flags() & FrameFlags.ERROR) != 0,
                    "frame " + buffer.sequence() + (isWhole ? whole : cut));
            flagged += isWhole ? 0 : 1;
            source.queue(buffer);
        }
        assertEquals(3, flagged);
    }

    @Test
    void onLibcamerasCompatibilityLayerReturnedBuffersAreUnmappedAtStop() throws InterruptedException {
        kernel.add(5, SimCamera.libcameraCompat("platform/vimc.0 Sensor B"), null, null);
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(5))) {
            source.start(3);
            DriverBuffer held = source.dequeue(1, TimeUnit.SECONDS);
            source.queue(source.dequeue(1, TimeUnit.SECONDS));
            long before = kernel.calls("munmap");
            source.stop();
            assertEquals(2, kernel.calls("munmap") - before, "the two buffers back in the ring are unmapped at once "
                    + "(the layer frees the camera only on munmap); the one still out is retired");
            assertNotNull(held);
        }
    }

    @Test
    void onLibcamerasCompatibilityLayerBuffersGoBackInTheOrderTheyCameOut() throws InterruptedException {
        kernel.add(5, SimCamera.libcameraCompat("platform/vimc.0 Sensor B"), null, null);
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(5))) {
            source.start(3);
            DriverBuffer first = source.dequeue(1, TimeUnit.SECONDS);
            DriverBuffer second = source.dequeue(1, TimeUnit.SECONDS);
            source.queue(second);
            assertEquals(1, source.queuedBuffers(), "the second waits for the first: the layer's DQBUF answers in turn");
            source.queue(first);
            assertEquals(3, source.queuedBuffers());
            List<Integer> order = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
                order.add(buffer.index());
                source.queue(buffer);
            }
            assertEquals(List.of(2, first.index(), second.index()), order);
        }
    }

    @Test
    void onAKernelDriverEveryMappingIsRetiredAtStop() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            source.start(3);
            source.queue(source.dequeue(1, TimeUnit.SECONDS));
            long before = kernel.calls("munmap");
            source.stop();
            assertEquals(0, kernel.calls("munmap") - before, "replaced by anonymous memory, unmapped once unreachable");
        }
    }

    @Test
    void queueingTwiceOrAForeignBufferIsRefused() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            source.start(2);
            DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
            source.queue(buffer);
            IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> source.queue(buffer));
            assertTrue(twice.getMessage().contains("already queued"), twice.getMessage());
            source.stop();
            source.queue(buffer);
            assertEquals(0, source.queuedBuffers(), "queue after stop is ignored");
        }
    }

    @Test
    void listsFormatsSizesAndRates() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            List<FormatDescription> formats = source.formats();
            assertEquals(List.of("YUYV", "MJPG", "Y16 "), formats.stream().map(FormatDescription::fourccString).toList());
            FormatDescription yuyv = formats.get(0);
            assertEquals(2, yuyv.sizes().size());
            assertEquals(1280, yuyv.sizes().get(1).width());
            assertEquals(List.of(30.0, 15.0), yuyv.sizes().get(0).framesPerSecond());
            assertEquals("Sim Webcam", source.info().card());
            assertTrue(source.info().stableNames().get(0).endsWith("usb-Sim_Webcam_0001-video-index0"));
        }
    }

    @Test
    void negotiationGivesExactlyWhatWasAskedWhenOffered() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            Negotiation got = source.negotiate(new FormatRequest(1280, 720, PixelFormat.YUYV, 15));
            assertEquals(List.of(), got.adjustments());
            assertEquals(1280, got.format().width());
            assertEquals(2560, got.format().bytesPerLine());
            assertEquals(1280 * 720 * 2, got.format().imageSize());
            assertEquals(15.0, got.framesPerSecond());
        }
    }

    @Test
    void negotiationPicksTheClosestAndSaysWhy() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            Negotiation got = source.negotiate(new FormatRequest(1000, 700, PixelFormat.UYVY, 25));
            assertEquals(PixelFormat.YUYV, got.format().pixelFormat());
            assertEquals(1280, got.format().width());
            assertEquals(30.0, got.framesPerSecond());
            assertEquals(3, got.adjustments().size(), got.adjustments().toString());
            assertTrue(got.adjustments().get(0).contains("UYVY is not offered; using YUYV"), got.adjustments().get(0));
            assertTrue(got.adjustments().get(1).contains("1000x700") && got.adjustments().get(1).contains("1280x720"));
            assertTrue(got.adjustments().get(2).contains("25 fps"), got.adjustments().get(2));
            Negotiation fastest = source.negotiate(new FormatRequest(1920, 1080, PixelFormat.MJPEG, 0));
            assertEquals(30.0, fastest.framesPerSecond());
            assertEquals(0, fastest.format().bytesPerLine());
        }
    }

    @Test
    void negotiationRefusesWithTheListOfWhatIsOffered() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(2))) {
            UnsupportedFormatException refused = assertThrows(UnsupportedFormatException.class,
                    () -> source.negotiate(new FormatRequest(640, 480, PixelFormat.MJPEG, 30)));
            assertTrue(refused.getMessage().contains("offers no compressed format"), refused.getMessage());
            assertTrue(refused.getMessage().contains(
                    "It offers: NV12 64x64@60/30..1920x1080@60/30; YUYV 64x64@30..1920x1080@30; NM12 64x64@30..1920x1080@30."), refused.getMessage());
        }
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            Negotiation substituted = source.negotiate(new FormatRequest(640, 480, PixelFormat.H264, 30));
            assertEquals(PixelFormat.MJPEG, substituted.format().pixelFormat(), "closest compressed format");
            assertTrue(substituted.adjustments().get(0).contains("H264 is not offered; using MJPEG"));
        }
    }

    @Test
    void multiPlanarOnlyDevicesCaptureSinglePlaneFormats() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(2))) {
            assertEquals(V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE, source.bufferType());
            Negotiation got = source.negotiate(new FormatRequest(1000, 501, PixelFormat.NV12, 60));
            assertEquals(992, got.format().width(), "rounded into the stepwise range by the driver");
            assertEquals(500, got.format().height());
            assertEquals(992 * 500 * 3 / 2, got.format().imageSize());
            assertTrue(got.adjustments().get(0).contains("adjusted 1000x501 to 992x500"), got.adjustments().toString());
            source.start(3);
            for (long expected = 0; expected < 6; expected++) {
                DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
                assertEquals(expected, buffer.sequence());
                assertEquals(992 * 500 * 3 / 2, buffer.bytesUsed());
                assertEquals(expected, buffer.memory().order(ByteOrder.nativeOrder()).getLong(0));
                source.queue(buffer);
            }
        }
        assertEquals(0, kernel.clientMappings());
    }

    @Test
    void metadataNodesAreRefusedWithAClearMessage() {
        CaptureException refused = assertThrows(CaptureException.class, () -> V4l2Sources.open(kernel, node(1)));
        assertTrue(refused.getMessage().contains("cannot capture video"), refused.getMessage());
        assertTrue(refused.getMessage().contains("metadata-capture"), refused.getMessage());
        assertEquals(0, kernel.openDescriptors(), "the node is closed again");
    }

    @Test
    void aSecondOpenOfABusyDeviceSaysBusyAtOnce() {
        try (V4l2CaptureSource first = V4l2Sources.open(kernel, node(0))) {
            first.start(2);
            DeviceBusyException busy = assertThrows(DeviceBusyException.class, () -> V4l2Sources.open(kernel, node(0)));
            assertTrue(busy.getMessage().contains(node(0)) && busy.getMessage().contains("VIDIOC_REQBUFS")
                    && busy.getMessage().contains("in use"), busy.getMessage());
            assertEquals(1, kernel.openDescriptors(), "the second descriptor was closed");
        }
    }

    @Test
    void deviceLossMidStreamIsReportedAndEverythingIsReleased() throws InterruptedException {
        V4l2CaptureSource source = V4l2Sources.open(kernel, webcam.byId().toString());
        source.start(4);
        DriverBuffer held = source.dequeue(1, TimeUnit.SECONDS);
        source.queue(held);
        webcam.unplug();
        DeviceLostException lost = assertThrows(DeviceLostException.class, () -> source.dequeue(1, TimeUnit.SECONDS));
        assertTrue(lost.getMessage().contains(node(0)) && lost.getMessage().contains("POLLERR"), lost.getMessage());
        source.close();
        assertEquals(0, kernel.openDescriptors());
        assertEquals(0, kernel.clientMappings());
        assertThrows(DeviceLostException.class, () -> V4l2Sources.open(kernel, webcam.byId().toString()),
                "while unplugged the stable name does not resolve");

        webcam.replug();
        try (V4l2CaptureSource again = V4l2Sources.open(kernel, webcam.byId().toString())) {
            again.start(2);
            assertEquals(0, again.dequeue(1, TimeUnit.SECONDS).sequence());
        }
    }

    @Test
    void enodevFromDequeueIsDeviceLost() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            source.start(2);
            kernel.inject(V4l2.VIDIOC_DQBUF, io.kapture.v4l2.Errno.ENODEV, 1);
            DeviceLostException lost = assertThrows(DeviceLostException.class,
                    () -> source.dequeue(1, TimeUnit.SECONDS));
            assertTrue(lost.getMessage().contains("VIDIOC_DQBUF") && lost.getMessage().contains("ENODEV"),
                    lost.getMessage());
        }
        assertEquals(0, kernel.clientMappings());
    }

    @Test
    void aFailedStartRollsBackEveryMapping() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            kernel.inject(V4l2.VIDIOC_STREAMON, io.kapture.v4l2.Errno.EIO, 1);
            assertThrows(DeviceLostException.class, () -> source.start(4));
            assertEquals(0, kernel.clientMappings());
            assertEquals(0, source.bufferCount());
            source.start(4);
            assertEquals(4, kernel.clientMappings());
        }
        assertEquals(0, kernel.clientMappings());
    }

    @Test
    void interruptedCallsAreRetried() {
        kernel.inject(V4l2.VIDIOC_QUERYCAP, io.kapture.v4l2.Errno.EINTR, 3);
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            assertEquals("uvcvideo", source.info().driver());
        }
        assertEquals(4, kernel.calls("VIDIOC_QUERYCAP"));
    }

    @Test
    void buffersExportAsDmabufDescriptors() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            assertThrows(IllegalStateException.class, () -> source.exportBuffer(0));
            source.start(2);
            int fd = source.exportBuffer(1);
            assertTrue(fd > 2);
            assertEquals(1, kernel.exportedDescriptors());
            kernel.close(fd);
            assertEquals(0, kernel.exportedDescriptors());
        }
    }

    @Test
    void aBufferStillOutAtStopIsReplacedByAnonymousMemoryNotUnmapped() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            source.start(2);
            DriverBuffer kept = source.dequeue(1, TimeUnit.SECONDS);
            source.stop();
            assertEquals(1, source.orphanedMappings());
            assertEquals(0, kernel.clientMappings(), "the device mapping itself is gone");
            assertEquals(0L, kept.memory().getLong(0), "a late reader sees zeros, not a crash");
            assertSame(kept.memory(), kept.memory());
        }
    }

    @Test
    void aResolutionChangeEndsTheStreamWithAClearErrorAndTheSourceStartsAgain() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            source.start(2);
            source.queue(source.dequeue(1, TimeUnit.SECONDS));
            webcam.current().queue().autoFrames(false);
            webcam.current().sourceChange();
            CaptureException e = assertThrows(CaptureException.class, () -> source.dequeue(5, TimeUnit.SECONDS));
            assertTrue(e.getMessage().contains(source.path()) && e.getMessage().contains("changed resolution"),
                    e.getMessage());

            source.stop();
            webcam.current().queue().autoFrames(true);
            source.start(2);
            assertNotNull(source.dequeue(5, TimeUnit.SECONDS), "a frame after starting again");
        }
    }

    @Test
    void anEventFromBeforeTheNegotiationDoesNotEndTheStreamThatFollowsIt() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            source.start(2);
            source.stop();
            webcam.current().sourceChange();
            source.negotiate(new FormatRequest(640, 480, PixelFormat.YUYV, 30));
            source.start(2);
            assertNotNull(source.dequeue(5, TimeUnit.SECONDS), "a frame, the earlier event being answered");
            assertEquals(2, kernel.calls("VIDIOC_DQEVENT"), "the stale event taken, then ENOENT");
        }
    }

    @Test
    void endOfStreamEndsTheStreamWithAClearError() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node(0))) {
            source.start(2);
            webcam.current().queue().autoFrames(false);
            webcam.current().endOfStream();
            CaptureException e = assertThrows(CaptureException.class, () -> source.dequeue(5, TimeUnit.SECONDS));
            assertTrue(e.getMessage().contains("ended the stream"), e.getMessage());
        }
    }
}
