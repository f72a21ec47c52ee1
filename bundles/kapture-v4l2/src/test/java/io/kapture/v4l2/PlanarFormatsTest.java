package io.kapture.v4l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * The single-plane NV21, YV12 and NV16 on a simulated single-planar sensor that offers only these: listed, negotiated
 * as they are (no adjustment, the driver's geometry), captured zero-copy from the mapping, and picked in place of an
 * uncompressed format the sensor lacks.
 */
class PlanarFormatsTest {

    @TempDir
    Path root;

    private SimulatedKernel kernel;
    private String node;

    @BeforeEach
    void plugIn() {
        kernel = new SimulatedKernel(root);
        kernel.add(5, SimCamera.planarSensor("Sim Pi Camera"), null, null);
        node = kernel.devRoot().resolve("video5").toString();
    }

    @Test
    void theFormatsAreListedByTheirFourcc() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            assertEquals(List.of("NV21", "YV12", "NV16"),
                    source.formats().stream().map(FormatDescription::fourccString).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"NV21", "YV12", "NV16"})
    void eachIsNegotiatedAndCapturedInPlace(PixelFormat pixelFormat) throws InterruptedException {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            Negotiation got = source.negotiate(new FormatRequest(640, 480, pixelFormat, 30));
            assertEquals(new FrameFormat(640, 480, pixelFormat, 640, pixelFormat.minImageSize(640, 480)), got.format());
            assertEquals(List.of(), got.adjustments());
            source.start(2);
            assertEquals(1, source.bufferPlanes());
            for (long expected = 0; expected < 3; expected++) {
                DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
                assertEquals(got.format().imageSize(), buffer.bytesUsed());
                assertEquals(expected, buffer.memory().order(ByteOrder.nativeOrder()).getLong(0),
                        "read in place from the mapping");
                source.queue(buffer);
            }
            assertEquals(2, kernel.clientMappings(), "one mapping per buffer, no packed copies");
        }
        assertEquals(0, kernel.clientMappings());
    }

    @Test
    void nv16ImagesHoldAChromaLinePerLumaLine() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            FrameFormat format = source.negotiate(new FormatRequest(1280, 720, PixelFormat.NV16, 30)).format();
            assertEquals(1280 * 720 * 2, format.imageSize());
        }
    }

    @Test
    void aMissingUncompressedFormatFallsBackToTheFirstOfTheseKaptureKnows() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            Negotiation got = source.negotiate(new FormatRequest(640, 480, PixelFormat.YUYV, 30));
            assertEquals(PixelFormat.NV21, got.format().pixelFormat());
            assertTrue(got.adjustments().get(0).contains("YUYV is not offered; using NV21"),
                    got.adjustments().toString());
        }
    }
}
