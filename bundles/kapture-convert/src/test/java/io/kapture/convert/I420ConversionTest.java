package io.kapture.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

class I420ConversionTest {

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = { "YUYV", "UYVY", "NV12", "NV21", "NV16", "YU12", "YV12" })
    void everyYuvLayoutGivesTheSamePlanesWithPaddedLinesAndAnOddHeight(PixelFormat pixelFormat) {
        YuvPicture picture = new YuvPicture(10, 7);
        int stride = pixelFormat.minBytesPerLine(10) + 6;
        FrameFormat format = picture.format(pixelFormat, stride);
        ByteBuffer out = ByteBuffer.allocateDirect(PixelConversion.i420Size(format) + 3).position(3);

        PixelConversion.toI420(ByteBuffer.wrap(picture.pack(pixelFormat, stride)), format, out);

        assertEquals(10 * 7 + 2 * 5 * 4, PixelConversion.i420Size(format));
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 10; x++) {
                assertEquals(picture.luma[y][x], out.get(3 + y * 10 + x) & 0xff, "luma " + x + "," + y);
            }
        }
        int cbPlane = 3 + 70;
        int crPlane = cbPlane + 20;
        for (int row = 0; row < 4; row++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(picture.cb[row][x], out.get(cbPlane + row * 5 + x) & 0xff, "cb " + x + "," + row);
                assertEquals(picture.cr[row][x], out.get(crPlane + row * 5 + x) & 0xff, "cr " + x + "," + row);
            }
        }
    }

    @Test
    void greyGetsNeutralChromaAndKeepsAnOddWidth() {
        FrameFormat format = FrameFormat.of(3, 3, PixelFormat.GREY);
        byte[] grey = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        ByteBuffer out = ByteBuffer.allocate(PixelConversion.i420Size(format));

        PixelConversion.toI420(ByteBuffer.wrap(grey), format, out);

        assertEquals(9 + 2 * 4, out.capacity());
        for (int i = 0; i < 9; i++) {
            assertEquals(grey[i], out.get(i));
        }
        for (int i = 9; i < 17; i++) {
            assertEquals(128, out.get(i) & 0xff);
        }
    }

    @Test
    void rgbBecomesVideoRangeBt601() {
        FrameFormat format = FrameFormat.of(2, 2, PixelFormat.RGB24);
        byte[] red = new byte[12];
        for (int p = 0; p < 12; p += 3) {
            red[p] = (byte) 255;
        }
        ByteBuffer out = ByteBuffer.allocate(PixelConversion.i420Size(format));

        PixelConversion.toI420(ByteBuffer.wrap(red), format, out);

        // full red in BT.601 video range: Y 81, Cb 90, Cr 240 (rounded)
        assertEquals(81, out.get(0) & 0xff, 1);
        assertEquals(90, out.get(4) & 0xff, 1);
        assertEquals(240, out.get(5) & 0xff, 1);
    }

    @Test
    void refusesMjpegAndTooSmallOutputsSayingWhy() {
        FrameFormat format = FrameFormat.of(4, 4, PixelFormat.YU12);
        ByteBuffer src = ByteBuffer.allocate(format.imageSize());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> PixelConversion.toI420(src, format, ByteBuffer.allocate(5)));
        assertTrue(small.getMessage().contains("must hold 24 bytes"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PixelConversion.toI420(ByteBuffer.allocate(100),
                FrameFormat.of(4, 4, PixelFormat.MJPEG), ByteBuffer.allocate(24)));
    }
}
