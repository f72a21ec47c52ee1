package io.kapture.v4l2.internal.m2m;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.AccessUnit;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Nal;
import io.kapture.api.encoder.H264Profile;
import io.kapture.testing.TestFrame;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;

/**
 * {@link M2mEncoder} against {@link FakeM2mEncoder}, a stateful H.264 encoder as bcm2835-codec behaves: the
 * multi-planar path the vivid suite's vicodec (single-planar, FWHT) does not take, the H.264 unit handling, stride
 * and alignment, and the release of every mapping and descriptor on the failure paths.
 */
class M2mEncoderTest {

    private static final int WIDTH = 100;
    private static final int HEIGHT = 50;
    private static final FrameFormat YUYV = FrameFormat.of(WIDTH, HEIGHT, PixelFormat.YUYV);
    private static final EncoderSettings SETTINGS = new EncoderSettings(1_500_000, 3, H264Profile.MAIN, 25);

    private final List<AccessUnit> units = new ArrayList<>();

    private static M2mEncoderNode node(FakeM2mEncoder fake) {
        try (V4l2Device device = V4l2Device.open(fake, "/dev/video11")) {
            List<M2mEncoderNode> found = M2mEncoderDiscovery.describe(device);
            assertEquals(1, found.size(), "one coded format, one encoder: " + found);
            return found.get(0);
        }
    }

    /** A YUYV frame whose luma is {@code luma} everywhere, Cb 100 and Cr 200. */
    private static TestFrame frame(int index, int luma) {
        byte[] image = new byte[WIDTH * HEIGHT * 2];
        for (int at = 0; at < image.length; at += 4) {
            image[at] = (byte) luma;
            image[at + 1] = 100;
            image[at + 2] = (byte) luma;
            image[at + 3] = (byte) 200;
        }
        return TestFrame.builder(YUYV, image).sequence(500 + index).timestampNanos(7_000_000_123L + index * 40_000_000L)
                .build();
    }

    @Test
    void multiPlanarNv12EncodesH264WithParameterSetsKeyframesTimestampsAndDrains() {
        FakeM2mEncoder fake = new FakeM2mEncoder(true);
        M2mEncoderNode node = node(fake);
        assertTrue(node.multiPlanar());
        assertEquals("H264", node.codec());
        assertEquals(V4l2.PIX_FMT_YUV420M, EncoderFormats.rawFormatFor(node, YUYV), "YUV420M first on an MPLANE node");

        M2mEncoder encoder = M2mEncoder.open(fake, node, YUYV, V4l2.PIX_FMT_NV12M, SETTINGS, units::add);
        for (int index = 0; index < 5; index++) {
            encoder.encode(frame(index, 40 + index));
        }
        DrainResult drain = encoder.drain();
        encoder.close();

        assertTrue(drain.lastFlag() && drain.eosEvent(), "drain " + drain);
        assertEquals(5, units.size());
        for (int index = 0; index < 5; index++) {
            AccessUnit unit = units.get(index);
            assertEquals(500 + index, unit.sequence());
            assertEquals(7_000_000_123L + index * 40_000_000L, unit.timestampNanos(), "nanoseconds carried, not the µs");
            assertEquals(index % 3 == 0, unit.keyframe(), "GOP 3 set through V4L2_CID_MPEG_VIDEO_GOP_SIZE");
            int first = H264Nal.type(unit.nalUnits().get(0));
            assertEquals(unit.keyframe() ? H264Nal.SPS : H264Nal.SLICE, first, "unit " + index);
        }
        assertEquals(List.of(H264Nal.SPS, H264Nal.PPS, H264Nal.IDR), units.get(0).nalUnits().stream()
                .map(H264Nal::type).toList());
        assertArrayEquals(FakeM2mEncoder.SPS, encoder.parameters().orElseThrow().sps());

        byte[][] planes = fake.rawSeen.get(2);
        assertEquals(2, planes.length, "NV12M: luma and interleaved chroma planes");
        assertEquals(42, planes[0][0]);
        assertEquals(42, planes[0][128], "row 1 starts at the driver's stride of 128, not at the width of 100");
        assertEquals(0, planes[0][100], "the stride's padding is left alone");
        assertEquals(100, planes[1][0] & 0xFF);
        assertEquals(200, planes[1][1] & 0xFF);
        assertEquals(100, planes[1][128] & 0xFF, "chroma row 1 at the chroma plane's stride");

        assertEquals(3, fake.control(V4l2.CID_MPEG_VIDEO_GOP_SIZE));
        assertEquals(1_500_000, fake.control(V4l2.CID_MPEG_VIDEO_BITRATE));
        assertTrue(encoder.unappliedSettings().stream().anyMatch(s -> s.startsWith("H.264 profile main")),
                "the missing profile control is reported: " + encoder.unappliedSettings());
        assertEquals(0, fake.mappings(), "every plane unmapped");
        assertEquals(0, fake.openDescriptors, "the node closed");
    }

    @Test
    void yuv420mPutsCbAndCrIntoPlanesOfTheirOwn() {
        FakeM2mEncoder fake = new FakeM2mEncoder(true);
        try (M2mEncoder encoder = M2mEncoder.open(fake, node(fake), YUYV, V4l2.PIX_FMT_YUV420M, SETTINGS, units::add)) {
            encoder.encode(frame(0, 77));
        }
        byte[][] planes = fake.rawSeen.get(0);
        assertEquals(3, planes.length);
        assertEquals(77, planes[0][0]);
        assertEquals(100, planes[1][0] & 0xFF);
        assertEquals(100, planes[1][64] & 0xFF, "Cb row 1 at half the luma stride");
        assertEquals(200, planes[2][0] & 0xFF);
        assertEquals(0, fake.mappings());
    }

    @Test
    void singlePlanarNv12PlacesChromaAfterTheAlignedLumaHeight() {
        FakeM2mEncoder fake = new FakeM2mEncoder(false);
        M2mEncoderNode node = node(fake);
        assertFalse(node.multiPlanar());
        try (M2mEncoder encoder = M2mEncoder.open(fake, node, YUYV, SETTINGS, units::add)) {
            assertTrue(encoder.converting());
            encoder.encode(frame(0, 90));
        }
        byte[] plane = fake.rawSeen.get(0)[0];
        int chroma = 128 * 64;
        assertEquals(90, plane[128 * 49], "last luma row");
        assertEquals(0, plane[128 * 50], "rows 50-63 are the driver's alignment, not chroma");
        assertEquals(100, plane[chroma] & 0xFF);
        assertEquals(200, plane[chroma + 1] & 0xFF);
        assertEquals(1, units.size());
        assertEquals(0, fake.mappings());
        assertEquals(0, fake.openDescriptors);
    }

    @Test
    void aSourceChangeEndsTheSessionAndCloseStillReleasesEverything() {
        FakeM2mEncoder fake = new FakeM2mEncoder(true);
        M2mEncoder encoder = M2mEncoder.open(fake, node(fake), YUYV, SETTINGS, units::add);
        encoder.encode(frame(0, 10));
        fake.sourceChange();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> encoder.encode(frame(1, 11)));
        assertTrue(failure.getMessage().contains("source change"), failure.getMessage());
        assertThrows(IllegalStateException.class, () -> encoder.encode(frame(2, 12)), "the session stays failed");
        encoder.close();
        encoder.close();
        assertEquals(0, fake.mappings());
        assertEquals(0, fake.openDescriptors);
    }

    @Test
    void aFailureWhileStartingUnmapsWhatWasMappedAndClosesTheNode() {
        FakeM2mEncoder fake = new FakeM2mEncoder(true);
        fake.failReqbufsOf = 1;
        M2mEncoderNode node = node(fake);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> M2mEncoder.open(fake, node, YUYV, SETTINGS, units::add));
        assertTrue(failure.getMessage().contains("REQBUFS"), failure.getMessage());
        assertEquals(0, fake.mappings(), "the CAPTURE buffers mapped before the OUTPUT ones failed are unmapped");
        assertEquals(0, fake.openDescriptors);
    }

    @Test
    void keyframesOnRequestAndLiveBitrateChanges() {
        FakeM2mEncoder fake = new FakeM2mEncoder(true);
        try (M2mEncoder encoder = M2mEncoder.open(fake, node(fake), YUYV, SETTINGS, units::add)) {
            encoder.encode(frame(0, 1));
            encoder.encode(frame(1, 2));
            encoder.requestKeyframe();
            encoder.encode(frame(2, 3));
            assertTrue(encoder.reconfigure(SETTINGS.withBitrate(800_000)));
            assertEquals(800_000, fake.control(V4l2.CID_MPEG_VIDEO_BITRATE));
            assertFalse(encoder.reconfigure(new EncoderSettings(800_000, 3, H264Profile.HIGH, 25)),
                    "a profile change needs a new session");
        }
        assertEquals(Arrays.asList(true, false, true), units.stream().map(AccessUnit::keyframe).toList());
    }

    @Test
    void framesOfAnotherFormatAreRefused() {
        FakeM2mEncoder fake = new FakeM2mEncoder(true);
        try (M2mEncoder encoder = M2mEncoder.open(fake, node(fake), YUYV, SETTINGS, units::add)) {
            TestFrame other = TestFrame.of(FrameFormat.of(WIDTH, HEIGHT, PixelFormat.GREY), new byte[WIDTH * HEIGHT]);
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(other));
        }
        assertEquals(0, fake.mappings());
    }

    @Test
    void hardwareH264IsRankedAboveTheSoftwareEncoder() {
        FakeM2mEncoder fake = new FakeM2mEncoder(true);
        V4l2EncoderFactory factory = new V4l2EncoderFactory(fake, node(fake));
        var properties = M2mEncoderRegistrar.properties(factory);
        assertEquals("H264", properties.get("kapture.encoder.codec"));
        assertEquals(M2mEncoderRegistrar.HARDWARE_H264_RANKING, properties.get("service.ranking"));
        assertEquals("v4l2:fake-codec:/dev/video11", properties.get("kapture.encoder.name"));
        assertFalse(factory.accepts(FrameFormat.of(WIDTH, HEIGHT, PixelFormat.MJPEG)));
        assertTrue(factory.unavailableReason(FrameFormat.of(WIDTH, HEIGHT, PixelFormat.MJPEG)).contains("raw frames"));
        assertTrue(factory.accepts(YUYV));
    }
}
