package io.kapture.v4l2;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.kapture.api.CaptureException;
import io.kapture.api.DeviceLostException;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimDevice;
import io.kapture.v4l2.sim.SimFormats;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * Multi-plane formats (NV12M, NV21M, NV16M, YUV420M, YVU420M) on a simulated ISP that offers nothing else:
 * negotiation picks them for NV12, NV21, NV16, YU12 and YV12 and says so, Cb and Cr land where the packed format
 * says they are, frames arrive packed in the single-plane layout byte for byte as the simulation wrote
 * the planes, and every plane mapping is released on every path (counted in procfs and by munmaps).
 */
class MultiPlaneCaptureTest {

    @TempDir
    Path root;

    private SimulatedKernel kernel;
    private SimDevice isp;
    private String node;

    @BeforeEach
    void plugIn() {
        kernel = new SimulatedKernel(root);
        isp = kernel.add(3, SimCamera.isp("Sim ISP"), null, "platform-rkisp1-video-index0");
        kernel.add(2, SimCamera.multiPlanar("Sim Sensor"), null, null);
        node = kernel.devRoot().resolve("video3").toString();
    }

    @Test
    void nv12IsNegotiatedAsItsTwoPlaneTwinAndTheAdjustmentSaysSo() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            Negotiation got = source.negotiate(new FormatRequest(320, 240, PixelFormat.NV12, 30));
            assertEquals(new FrameFormat(320, 240, PixelFormat.NV12, 320, 320 * 240 * 3 / 2), got.format());
            assertEquals(List.of("NV12 is offered as the two-plane NV12M; frames are packed into one buffer, one copy"
                    + " per frame"), got.adjustments());
        }
    }

    @Test
    void aFormatWithoutAnyOfferFallsBackToATwinAndSaysBoth() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            Negotiation got = source.negotiate(new FormatRequest(320, 240, PixelFormat.UYVY, 30));
            assertEquals(PixelFormat.NV12, got.format().pixelFormat());
            assertEquals(2, got.adjustments().size(), got.adjustments().toString());
            assertTrue(got.adjustments().get(0).contains("UYVY is not offered; using NV12"), got.adjustments().get(0));
            assertTrue(got.adjustments().get(1).contains("two-plane NV12M"), got.adjustments().get(1));
        }
    }

    @Test
    void singlePlaneNv12IsPreferredWhereBothAreOffered() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, kernel.devRoot().resolve("video2").toString())) {
            Negotiation got = source.negotiate(new FormatRequest(320, 240, PixelFormat.NV12, 30));
            assertEquals(List.of(), got.adjustments());
            source.start(2);
            assertEquals(1, source.bufferPlanes());
            assertEquals(2, kernel.clientMappings(), "one mapping per buffer");
            assertEquals(0, source.dequeue(1, TimeUnit.SECONDS).memory().order(ByteOrder.nativeOrder()).getLong(0),
                    "read in place from the mapping");
        }
    }

    @Test
    void nv12mFramesArrivePackedByteForByte() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            FrameFormat format = source.negotiate(new FormatRequest(320, 240, PixelFormat.NV12, 30)).format();
            source.start(3);
            assertEquals(2, source.bufferPlanes());
            for (long expected = 0; expected < 6; expected++) {
                DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
                assertNotNull(buffer);
                assertEquals(expected, buffer.sequence());
                assertEquals(format.imageSize(), buffer.bytesUsed());
                assertTrue(buffer.memory().isDirect());
                assertEquals(format.imageSize(), buffer.memory().capacity(), "the packed buffer, not a plane mapping");
                assertPacked(buffer.memory(), expected, new int[][] {{0, 240, 320, 320}, {320 * 240, 120, 320, 320}});
                source.queue(buffer);
            }
        }
        assertEquals(0, kernel.clientMappings());
    }

    /**
     * YUV420M at a width whose chroma lines the driver pads to 64 bytes (100 samples, 128 bytes), not to half the
     * luma stride (224 / 2 = 112): the chroma planes are re-strided line by line into YU12's layout.
     */
    @Test
    void yuv420mFramesArrivePackedWithChromaLinesReStrided() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            Negotiation got = source.negotiate(new FormatRequest(200, 120, PixelFormat.YU12, 30));
            assertEquals(new FrameFormat(200, 120, PixelFormat.YU12, 224, 224 * 120 + 2 * 112 * 60), got.format());
            assertTrue(got.adjustments().get(0).contains("YU12 is offered as the three-plane YUV420M"),
                    got.adjustments().toString());
            source.start(2);
            assertEquals(3, source.bufferPlanes());
            for (long expected = 0; expected < 4; expected++) {
                DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
                assertEquals(got.format().imageSize(), buffer.bytesUsed());
                int cb = 224 * 120;
                assertPacked(buffer.memory(), expected,
                        new int[][] {{0, 120, 200, 224}, {cb, 60, 100, 112}, {cb + 112 * 60, 60, 100, 112}});
                source.queue(buffer);
            }
        }
        assertEquals(0, kernel.clientMappings());
    }

    /**
     * The other twins at an awkward size: NV21M and NV16M (two planes, NV16M's chroma plane as tall as the luma
     * plane) keep their strides, YVU420M's chroma lines are re-strided as YUV420M's are.
     */
    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"NV21", "NV16", "YV12"})
    void theOtherTwinsArrivePackedByteForByte(PixelFormat packed) throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            Negotiation got = source.negotiate(new FormatRequest(200, 120, packed, 30));
            int[][] planes = switch (packed) {
                case NV21 -> new int[][] {{0, 120, 200, 224}, {224 * 120, 60, 200, 224}};
                case NV16 -> new int[][] {{0, 120, 200, 224}, {224 * 120, 120, 200, 224}};
                default -> new int[][] {{0, 120, 200, 224}, {224 * 120, 60, 100, 112},
                    {224 * 120 + 112 * 60, 60, 100, 112}};
            };
            int[] last = planes[planes.length - 1];
            assertEquals(new FrameFormat(200, 120, packed, 224, last[0] + last[1] * last[3]), got.format());
            assertEquals(packed.minImageSize(224, 120), got.format().imageSize(), "unpadded at the luma stride");
            String twin = packed == PixelFormat.YV12 ? "three-plane YVU420M" : "two-plane " + packed + "M";
            assertTrue(got.adjustments().get(0).contains(packed + " is offered as the " + twin),
                    got.adjustments().toString());
            source.start(2);
            assertEquals(planes.length, source.bufferPlanes());
            for (long expected = 0; expected < 4; expected++) {
                DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
                assertEquals(got.format().imageSize(), buffer.bytesUsed());
                assertPacked(buffer.memory(), expected, planes);
                source.queue(buffer);
            }
        }
        assertEquals(0, kernel.clientMappings());
    }

    /**
     * Cb and Cr of every pixel pair, read from the packed frame where its reported single-plane format puts them
     * (V4L2's layout of NV12, NV21, NV16, YU12, YV12), are the bytes the simulated driver wrote as Cb and Cr of
     * its multi-plane format: a twin packed as the wrong format, or planes packed in the wrong order, swaps them.
     */
    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"NV12", "NV21", "NV16", "YU12", "YV12"})
    void cbAndCrLandWhereThePackedFormatSaysTheyAre(PixelFormat wanted) throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            FrameFormat format = source.negotiate(new FormatRequest(200, 120, wanted, 30)).format();
            assertEquals(wanted, format.pixelFormat());
            source.start(2);
            DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
            ByteBuffer frame = buffer.memory();
            int chromaLines = wanted == PixelFormat.NV16 ? 120 : 60;
            for (int row = 0; row < chromaLines; row++) {
                for (int pair = 0; pair < 100; pair++) {
                    int[] at = packedCbCr(format, chromaLines, row, pair);
                    int[][] wrote = driverCbCr(wanted, pair);
                    String where = wanted + " chroma line " + row + " pair " + pair;
                    assertEquals(SimFormats.sample(wrote[0][0], row, wrote[0][1], 0), frame.get(at[0]), where + " Cb");
                    assertEquals(SimFormats.sample(wrote[1][0], row, wrote[1][1], 0), frame.get(at[1]), where + " Cr");
                }
            }
            source.queue(buffer);
        }
    }

    /** Indices of Cb and Cr of a pixel pair in a single-plane frame, as V4L2 lays out each format. */
    private static int[] packedCbCr(FrameFormat format, int chromaLines, int row, int pair) {
        int stride = format.bytesPerLine();
        int chroma = stride * format.height();
        int interleaved = chroma + row * stride + 2 * pair;
        int firstPlane = chroma + row * (stride / 2) + pair;
        int secondPlane = firstPlane + stride / 2 * chromaLines;
        return switch (format.pixelFormat()) {
            case NV12, NV16 -> new int[] {interleaved, interleaved + 1};
            case NV21 -> new int[] {interleaved + 1, interleaved};
            case YU12 -> new int[] {firstPlane, secondPlane};
            case YV12 -> new int[] {secondPlane, firstPlane};
            default -> throw new IllegalArgumentException(format.toString());
        };
    }

    /** {plane, column} of Cb and of Cr of a pixel pair in the multi-plane twin of {@code packed}, as V4L2 says. */
    private static int[][] driverCbCr(PixelFormat packed, int pair) {
        return switch (packed) {
            case NV12, NV16 -> new int[][] {{1, 2 * pair}, {1, 2 * pair + 1}};
            case NV21 -> new int[][] {{1, 2 * pair + 1}, {1, 2 * pair}};
            case YU12 -> new int[][] {{1, pair}, {2, pair}};
            case YV12 -> new int[][] {{2, pair}, {1, pair}};
            default -> throw new IllegalArgumentException(packed.toString());
        };
    }

    /**
     * Each plane's samples where the single-plane layout puts them: {@code planes} holds per plane its packed
     * offset, lines, samples per line and packed stride.
     */
    private static void assertPacked(ByteBuffer packed, long sequence, int[][] planes) {
        assertEquals(sequence, packed.order(ByteOrder.nativeOrder()).getLong(0), "plane 0 starts with the sequence");
        for (int plane = 0; plane < planes.length; plane++) {
            int[] p = planes[plane];
            for (int row = 0; row < p[1]; row++) {
                for (int column = plane == 0 && row == 0 ? Long.BYTES : 0; column < p[2]; column++) {
                    byte want = SimFormats.sample(plane, row, column, sequence);
                    byte got = packed.get(p[0] + row * p[3] + column);
                    if (want != got) {
                        throw new AssertionError("frame " + sequence + " plane " + plane + " line " + row + " sample "
                                + column + ": " + got + ", the simulation wrote " + want);
                    }
                }
            }
        }
    }

    /** No descriptor or mapping of the simulated nodes in procfs (the JVM's own descriptors come and go). */
    private void assertNothingOfTheNodesHeld() {
        ProcessResources now = ProcessResources.count(root);
        assertEquals(0, now.folderDescriptors(), now.toString());
        assertEquals(0, now.folderMappings(), now.toString());
    }

    @Test
    void startStopCyclesLeaveNoPlaneMapped() throws InterruptedException {
        long munmaps = kernel.calls("munmap");
        int cycles = 5;
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            source.negotiate(new FormatRequest(320, 240, PixelFormat.YU12, 30));
            for (int cycle = 0; cycle < cycles; cycle++) {
                source.start(3);
                assertEquals(9, kernel.clientMappings(), "three planes of three buffers");
                source.queue(source.dequeue(1, TimeUnit.SECONDS));
                source.stop();
                assertEquals(0, kernel.clientMappings(), "cycle " + cycle);
                assertEquals(0, source.orphanedMappings());
            }
        }
        assertNothingOfTheNodesHeld();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            System.gc();
            // each retired plane range is unmapped once unreachable
            assertEquals(munmaps + cycles * 9L, kernel.calls("munmap"));
        });
    }

    @Test
    void aPlaneMmapFailingDuringStartUnwindsEveryMapping() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            source.negotiate(new FormatRequest(320, 240, PixelFormat.NV12, 30));
            kernel.injectMmap(3, Errno.ENOMEM);
            CaptureException failed = assertThrows(CaptureException.class, () -> source.start(3));
            assertTrue(failed.getMessage().contains("mmap of buffer 1 plane 1 of 2"), failed.getMessage());
            assertEquals(0, kernel.clientMappings(), "buffer 0's planes retired, buffer 1's first plane unmapped");
            assertEquals(0, source.bufferCount());
            assertEquals(0, isp.current().queue().queuedCount());
            source.start(3);
            assertEquals(6, kernel.clientMappings());
            assertEquals(0, source.dequeue(1, TimeUnit.SECONDS).sequence());
        }
        assertEquals(0, kernel.clientMappings());
        assertNothingOfTheNodesHeld();
    }

    @Test
    void deviceLossReleasesEveryPlane() throws InterruptedException {
        V4l2CaptureSource source = V4l2Sources.open(kernel, node);
        source.negotiate(new FormatRequest(320, 240, PixelFormat.NV12, 30));
        source.start(3);
        source.queue(source.dequeue(1, TimeUnit.SECONDS));
        isp.unplug();
        assertThrows(DeviceLostException.class, () -> source.dequeue(1, TimeUnit.SECONDS));
        source.close();
        assertEquals(0, kernel.clientMappings());
        assertEquals(0, kernel.openDescriptors());
    }

    @Test
    void aPackedBufferStillOutAtStopIsOrphanedButKeepsItsFrame() throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            source.negotiate(new FormatRequest(320, 240, PixelFormat.NV12, 30));
            source.start(2);
            DriverBuffer kept = source.dequeue(1, TimeUnit.SECONDS);
            source.stop();
            assertEquals(1, source.orphanedMappings());
            assertEquals(0, kernel.clientMappings(), "its planes were retired all the same");
            assertEquals(SimFormats.sample(1, 5, 7, 0), kept.memory().get(320 * 240 + 5 * 320 + 7));
        }
    }

    @Test
    void everyPlaneExportsAsItsOwnDmabuf() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            source.negotiate(new FormatRequest(320, 240, PixelFormat.NV12, 30));
            source.start(2);
            int luma = source.exportBuffer(1);
            int chroma = source.exportBuffer(1, 1);
            assertEquals(2, kernel.exportedDescriptors());
            IllegalStateException none = assertThrows(IllegalStateException.class, () -> source.exportBuffer(0, 2));
            assertTrue(none.getMessage().contains("no plane 2") && none.getMessage().contains("2 plane(s)"),
                    none.getMessage());
            kernel.close(luma);
            kernel.close(chroma);
            assertEquals(0, kernel.exportedDescriptors());
            assertFalse(kernel.calls("VIDIOC_EXPBUF") > 2, "the refused plane never reached the driver");
        }
    }
}
