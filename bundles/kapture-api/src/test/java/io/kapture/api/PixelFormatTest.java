package io.kapture.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PixelFormatTest {

    @Test
    void fourccCodesMatchTheKernelMacro() {
        // values of V4L2_PIX_FMT_* as linux/videodev2.h computes them
        assertEquals(0x56595559, PixelFormat.YUYV.fourcc());
        assertEquals(0x59565955, PixelFormat.UYVY.fourcc());
        assertEquals(0x3231564e, PixelFormat.NV12.fourcc());
        assertEquals(0x32315559, PixelFormat.YU12.fourcc());
        assertEquals(0x3132564e, PixelFormat.NV21.fourcc());
        assertEquals(0x32315659, PixelFormat.YV12.fourcc());
        assertEquals(0x3631564e, PixelFormat.NV16.fourcc());
        assertEquals(0x33424752, PixelFormat.RGB24.fourcc());
        assertEquals(0x33524742, PixelFormat.BGR24.fourcc());
        assertEquals(0x59455247, PixelFormat.GREY.fourcc());
        assertEquals(0x47504a4d, PixelFormat.MJPEG.fourcc());
        assertEquals(0x34363248, PixelFormat.H264.fourcc());
    }

    @Test
    void fourccRoundTrips() {
        for (PixelFormat format : PixelFormat.values()) {
            assertEquals(format, PixelFormat.ofFourcc(format.fourcc()));
            assertEquals(format, PixelFormat.parse(format.fourccString().toLowerCase()));
            assertEquals(format, PixelFormat.parse(format.name()));
        }
        assertEquals("MJPG", PixelFormat.MJPEG.fourccString());
    }

    @Test
    void unknownFormatsNameTheSupportedOnes() {
        IllegalArgumentException parse = assertThrows(IllegalArgumentException.class, () -> PixelFormat.parse("FOO"));
        assertTrue(parse.getMessage().contains("'FOO'"), parse.getMessage());
        assertTrue(parse.getMessage().contains("YUYV, UYVY, NV12"), parse.getMessage());
        IllegalArgumentException code = assertThrows(IllegalArgumentException.class,
                () -> PixelFormat.ofFourcc(PixelFormat.fourcc('Z', 'Z', 'Z', 'Z')));
        assertTrue(code.getMessage().contains("ZZZZ"), code.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PixelFormat.parse(null));
    }

    @Test
    void imageSizesFollowTheLayout() {
        assertEquals(1920 * 1080 * 2, PixelFormat.YUYV.minImageSize(1920, 1080));
        assertEquals(1920 * 1080 * 3 / 2, PixelFormat.NV12.minImageSize(1920, 1080));
        assertEquals(640 * 480 * 3, PixelFormat.RGB24.minImageSize(640, 480));
        assertEquals(5 * 3 + 2 * 3 * 2, PixelFormat.YU12.minImageSize(5, 3));
        assertEquals(5 * 3 + 2 * 3 * 2, PixelFormat.NV21.minImageSize(5, 3));
        assertEquals(5 * 3 + 2 * 3 * 2, PixelFormat.YV12.minImageSize(5, 3));
        assertEquals(1920 * 1080 * 2, PixelFormat.NV16.minImageSize(1920, 1080));
        assertEquals(5 * 3 + 2 * 3 * 3, PixelFormat.NV16.minImageSize(5, 3), "a rounded-up half line per line");
        assertEquals(640, PixelFormat.NV21.minBytesPerLine(640));
        assertEquals(640, PixelFormat.YV12.minBytesPerLine(640));
        assertEquals(640, PixelFormat.NV16.minBytesPerLine(640));
        assertEquals(640, PixelFormat.GREY.minBytesPerLine(640));
        assertEquals(1280, PixelFormat.UYVY.minBytesPerLine(640));
        assertEquals(0, PixelFormat.MJPEG.minBytesPerLine(640));
        assertTrue(PixelFormat.MJPEG.isCompressed());
        assertFalse(PixelFormat.YU12.isCompressed());
    }

    @Test
    void planarFormatsSayWhereTheirChromaLies() {
        assertEquals(List.of(PixelFormat.NV12, PixelFormat.YU12, PixelFormat.NV21, PixelFormat.YV12, PixelFormat.NV16),
                Arrays.stream(PixelFormat.values()).filter(PixelFormat::isPlanar).toList());
        assertEquals(List.of(PixelFormat.NV12, PixelFormat.NV21, PixelFormat.NV16),
                Arrays.stream(PixelFormat.values()).filter(PixelFormat::hasInterleavedChroma).toList());
        assertEquals(List.of(PixelFormat.NV12, PixelFormat.YU12, PixelFormat.NV16),
                Arrays.stream(PixelFormat.values()).filter(PixelFormat::isCbFirst).toList());
        assertEquals(2, PixelFormat.NV12.chromaLines(3), "an odd last line has a chroma line of its own");
        assertEquals(3, PixelFormat.NV16.chromaLines(3));
        assertEquals(2, PixelFormat.YV12.chromaLineOf(5));
        assertEquals(5, PixelFormat.NV16.chromaLineOf(5));
        assertEquals(640, PixelFormat.NV21.chromaStride(640));
        assertEquals(320, PixelFormat.YU12.chromaStride(640));
    }
}
