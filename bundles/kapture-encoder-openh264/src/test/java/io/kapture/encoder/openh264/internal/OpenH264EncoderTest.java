package io.kapture.encoder.openh264.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.AccessUnit;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Nal;
import io.kapture.api.encoder.H264Profile;
import io.kapture.api.encoder.VideoEncoder;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;
import io.kapture.testing.VideoProbe;

/**
 * Encodes the synthetic camera's frames with the real libopenh264.so.7 and lets ffprobe, a decoder nobody here
 * wrote, say what came out.
 */
class OpenH264EncoderTest {

    private final OpenH264EncoderFactory factory = new OpenH264EncoderFactory();

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({ "YUYV, 640, 480", "NV12, 320, 240", "YV12, 320, 240", "NV16, 320, 240", "NV21, 160, 120",
            "RGB24, 320, 240", "GREY, 321, 241", "YUYV, 322, 241", "RGB24, 17, 19", "MJPEG, 320, 240" })
    void everyCameraFormatDecodesAtItsSizeAndOddSizesLoseTheirLastColumnOrLine(PixelFormat pixelFormat, int width,
            int height) throws IOException {
        List<AccessUnit> units = encode(pixelFormat, width, height, "bars+box", EncoderSettings.DEFAULT, 30);

        VideoProbe.Report report = VideoProbe.probe(write(units));

        assertEquals("h264", report.codec());
        // H.264 4:2:0 crops in steps of two pixels: an odd width or height loses its last column or line
        assertEquals(width & ~1, report.width());
        assertEquals(height & ~1, report.height());
        assertEquals(30, report.frames());
        assertEquals("Constrained Baseline", report.profile());
    }

    @Test
    void keyframesComeAtTheIntervalEachWithItsParameterSets() throws IOException {
        EncoderSettings settings = new EncoderSettings(1_000_000, 10, H264Profile.BASELINE, 30);
        List<AccessUnit> units = encode(PixelFormat.YUYV, 320, 240, "bars+box", settings, 30);

        List<Integer> keyframes = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            AccessUnit unit = units.get(i);
            if (unit.keyframe()) {
                keyframes.add(i);
                assertEquals(H264Nal.SPS, H264Nal.type(unit.nalUnits().get(0)), "SPS first in keyframe " + i);
                assertEquals(H264Nal.PPS, H264Nal.type(unit.nalUnits().get(1)), "PPS second in keyframe " + i);
            }
        }
        assertEquals(List.of(0, 10, 20), keyframes);
        List<Boolean> decodedKeys = VideoProbe.keyFrames(write(units));
        for (int i = 0; i < 30; i++) {
            assertEquals(keyframes.contains(i), decodedKeys.get(i), "ffprobe's key_frame of frame " + i);
        }
    }

    @Test
    void mainProfileWhenAskedFor() throws IOException {
        EncoderSettings settings = new EncoderSettings(1_000_000, 30, H264Profile.MAIN, 30);
        List<AccessUnit> units = encode(PixelFormat.NV12, 320, 240, "bars+box", settings, 10);

        assertEquals("Main", VideoProbe.probe(write(units)).profile());
    }

    @Test
    void bitrateChangesLive() {
        FrameFormat format = FrameFormat.of(320, 240, PixelFormat.YU12);
        Random random = new Random(15);
        List<AccessUnit> units = new ArrayList<>();
        try (VideoEncoder encoder = factory.open(format, new EncoderSettings(4_000_000, 300, H264Profile.BASELINE, 30),
                units::add)) {
            encodeNoise(encoder, format, random, 40);
            assertTrue(encoder.reconfigure(new EncoderSettings(250_000, 300, H264Profile.BASELINE, 30)));
            encodeNoise(encoder, format, random, 40);
        }
        long before = bytes(units.subList(20, 40));
        long after = bytes(units.subList(60, 80));
        assertTrue(after * 3 < before, "20 frames of noise took " + before + " bytes at 4 Mbit/s and " + after
                + " after the change to 250 kbit/s");
    }

    /**
     * Frames of fresh blocky noise each (8x8 luma blocks of random grey, neutral chroma): little to predict, so the
     * size follows the bitrate, yet not so random that a picture outgrows the encoder's output buffer.
     */
    private static void encodeNoise(VideoEncoder encoder, FrameFormat format, Random random, int frames) {
        for (int i = 0; i < frames; i++) {
            byte[] image = new byte[format.imageSize()];
            Arrays.fill(image, (byte) 128);
            for (int y = 0; y < format.height(); y++) {
                for (int x = 0; x < format.width(); x++) {
                    if (x % 8 == 0 && y % 8 == 0) {
                        byte grey = (byte) (16 + random.nextInt(220));
                        for (int by = 0; by < 8; by++) {
                            Arrays.fill(image, (y + by) * format.width() + x,
                                    (y + by) * format.width() + x + 8, grey);
                        }
                    }
                }
            }
            TestFrame frame = TestFrame.builder(format, image).sequence(i).timestampNanos(i * 33_333_333L).build();
            encoder.encode(frame);
            frame.release();
        }
    }

    @Test
    void aRequestedKeyframeComesNext() {
        List<AccessUnit> units = new ArrayList<>();
        try (SyntheticFeed feed = SyntheticFeed.timeline("cam0", "bars+box", 320, 240, PixelFormat.YUYV);
                VideoEncoder encoder = factory.open(feed.format(), EncoderSettings.DEFAULT, units::add)) {
            encodeFrames(feed, encoder, 5);
            encoder.requestKeyframe();
            encodeFrames(feed, encoder, 2);
            assertEquals(H264Profile.BASELINE.idc(), encoder.parameters().orElseThrow().profileIdc());
        }
        assertTrue(units.get(0).keyframe());
        assertFalse(units.get(4).keyframe());
        assertTrue(units.get(5).keyframe());
        assertFalse(units.get(6).keyframe());
    }

    @Test
    void aProfileChangeNeedsANewEncoderAndWrongFramesAreRefused() {
        FrameFormat format = FrameFormat.of(320, 240, PixelFormat.YUYV);
        try (VideoEncoder encoder = factory.open(format, EncoderSettings.DEFAULT, unit -> { })) {
            assertFalse(encoder.reconfigure(new EncoderSettings(2_000_000, 30, H264Profile.MAIN, 30)));
            TestFrame other = TestFrame.of(FrameFormat.of(320, 240, PixelFormat.NV12), new byte[320 * 240 * 3 / 2]);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> encoder.encode(other));
            assertTrue(error.getMessage().contains("320x240 YUYV"), error.getMessage());
            encoder.close();
            encoder.close();
        }
        assertFalse(factory.accepts(new FrameFormat(320, 240, PixelFormat.H264, 0, 4096)));
        assertTrue(factory.unavailableReason(FrameFormat.of(8, 8, PixelFormat.GREY)).contains("16x16"));
    }

    private List<AccessUnit> encode(PixelFormat pixelFormat, int width, int height, String pattern,
            EncoderSettings settings, int frames) {
        List<AccessUnit> units = new ArrayList<>();
        try (SyntheticFeed feed = SyntheticFeed.timeline("cam0", pattern, width, height, pixelFormat)) {
            assertEquals(FrameFormat.of(width, height, pixelFormat).toString(), feed.format().toString());
            try (VideoEncoder encoder = factory.open(feed.format(), settings, units::add)) {
                encodeFrames(feed, encoder, frames);
            }
        }
        assertEquals(frames, units.size(), "one access unit per frame (frame skipping is off)");
        return units;
    }

    private static void encodeFrames(SyntheticFeed feed, VideoEncoder encoder, int frames) {
        for (int i = 0; i < frames; i++) {
            TestFrame frame = feed.next();
            try {
                encoder.encode(frame);
            } finally {
                frame.release();
            }
        }
    }

    private Path write(List<AccessUnit> units) throws IOException {
        Path file = Files.createTempFile(folder, "stream", ".h264");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (AccessUnit unit : units) {
                out.write(unit.toAnnexB());
            }
        }
        return file;
    }

    private static long bytes(List<AccessUnit> units) {
        return units.stream().mapToLong(AccessUnit::size).sum();
    }
}
