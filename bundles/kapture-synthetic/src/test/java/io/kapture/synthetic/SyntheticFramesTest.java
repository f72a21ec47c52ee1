package io.kapture.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.synthetic.internal.paint.DirtyRegions;
import io.kapture.synthetic.internal.paint.FramePainter;
import io.kapture.synthetic.internal.paint.Pattern;

class SyntheticFramesTest {

    @ParameterizedTest
    @CsvSource({
        "YUYV, 640, 480", "YUYV, 16, 16", "NV12, 320, 240", "NV12, 1920, 1080", "GREY, 100, 50",
        "NV21, 320, 240", "YV12, 320, 240", "NV16, 320, 240", "NV16, 16, 16",
        "RGB24, 17, 16", "RGB24, 640, 480", "MJPEG, 640, 480", "MJPEG, 320, 240", "MJPEG, 1280, 720",
    })
    void theCodeOfEveryFormatDecodesToItsSequence(PixelFormat pixelFormat, int width, int height) {
        FrameFormat format = pixelFormat.isCompressed()
                ? new FrameFormat(width, height, pixelFormat, 0, pixelFormat.minImageSize(width, height) + 16384)
                : FrameFormat.of(width, height, pixelFormat);
        for (Pattern pattern : Pattern.values()) {
            try (FramePainter painter = FramePainter.of(format, pattern, 128)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(format.imageSize());
                DirtyRegions dirty = new DirtyRegions();
                for (long sequence : new long[] {0, 1, 4711, 123_456_789, 0xFFFF_FFFFL}) {
                    int used = painter.paint(buffer, dirty, sequence);
                    ByteBuffer frame = buffer.duplicate().limit(used);
                    assertEquals(sequence, SyntheticFrames.sequenceOf(frame, format),
                            format + " " + pattern.label());
                }
            }
        }
    }

    @Test
    void mjpegFramesAreRealJpegs() throws IOException {
        FrameFormat format = new FrameFormat(640, 480, PixelFormat.MJPEG, 0, 640 * 480 * 2 + 16384);
        try (FramePainter painter = FramePainter.of(format, Pattern.BARS_AND_BOX, 128)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(format.imageSize());
            int used = painter.paint(buffer, new DirtyRegions(), 31_337);
            byte[] jpeg = new byte[used];
            buffer.get(0, jpeg);
            assertEquals(0xFF, jpeg[0] & 0xFF, "SOI marker");
            assertEquals(0xD8, jpeg[1] & 0xFF, "SOI marker");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertNotNull(image, "ImageIO decodes the frame");
            assertEquals(640, image.getWidth());
            assertEquals(480, image.getHeight());
            assertEquals(31_337, SyntheticFrames.sequenceOf(image));
            int yellow = image.getRGB(640 * 3 / 16, 470);
            assertTrue((yellow >> 16 & 0xFF) > 230 && (yellow >> 8 & 0xFF) > 230 && (yellow & 0xFF) < 30,
                    "second bar is yellow, was " + Integer.toHexString(yellow));
        }
    }

    @Test
    void aFrameWithoutCodeIsRefused() {
        FrameFormat format = FrameFormat.of(320, 240, PixelFormat.GREY);
        ByteBuffer grey = ByteBuffer.allocate(format.imageSize());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticFrames.sequenceOf(grey, format));
        assertTrue(e.getMessage().contains("no synthetic sequence code"), e.getMessage());
    }

    @Test
    void unreadableFormatsAndShortDataAreRefused() {
        FrameFormat h264 = new FrameFormat(320, 240, PixelFormat.H264, 0, 1000);
        assertThrows(IllegalArgumentException.class, () -> SyntheticFrames.sequenceOf(ByteBuffer.allocate(1000), h264));
        FrameFormat yuyv = FrameFormat.of(320, 240, PixelFormat.YUYV);
        assertThrows(IllegalArgumentException.class, () -> SyntheticFrames.sequenceOf(ByteBuffer.allocate(100), yuyv));
    }
}
