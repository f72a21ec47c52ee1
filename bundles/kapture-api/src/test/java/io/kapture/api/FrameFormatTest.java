package io.kapture.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameFormatTest {

    @Test
    void unpaddedFormatComputesLineAndImageSize() {
        FrameFormat format = FrameFormat.of(1920, 1080, PixelFormat.YUYV);
        assertEquals(3840, format.bytesPerLine());
        assertEquals(4_147_200, format.imageSize());
        assertEquals("1920x1080 YUYV", format.toString());
    }

    @Test
    void invalidGeometryNamesTheField() {
        assertMessage(() -> FrameFormat.of(0, 480, PixelFormat.YUYV), "width and height must be positive");
        assertMessage(() -> new FrameFormat(-5, 480, PixelFormat.YUYV, 0, 1), "width must be between 1 and 16384, was -5");
        assertMessage(() -> new FrameFormat(640, 20000, PixelFormat.YUYV, 0, 1), "height must be between 1 and 16384, was 20000");
        assertMessage(() -> new FrameFormat(640, 480, null, 0, 1), "pixel format must be set");
        assertMessage(() -> new FrameFormat(640, 480, PixelFormat.GREY, -1, 1), "bytes per line must not be negative");
        assertMessage(() -> new FrameFormat(640, 480, PixelFormat.GREY, 640, 0), "image size must be positive");
    }

    @Test
    void dropPolicyParsesLeniently() {
        assertEquals(DropPolicy.DROP_OLDEST, DropPolicy.parse("drop-oldest"));
        assertEquals(DropPolicy.BLOCK, DropPolicy.parse(" block "));
        assertMessage(() -> DropPolicy.parse("sometimes"), "use BLOCK, DROP_OLDEST or DROP_NEWEST");
    }

    @Test
    void poolHitRateCountsMisses() {
        assertEquals(1.0, new FramePoolStats(0, 0, 0, 0, 0, 0).hitRate());
        assertEquals(0.75, new FramePoolStats(8, 8, 2, 0, 0, 0).hitRate());
    }

    private static void assertMessage(Runnable action, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
