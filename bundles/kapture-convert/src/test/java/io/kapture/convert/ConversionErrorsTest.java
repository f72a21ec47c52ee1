package io.kapture.convert;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/** Bad input is refused before any pixel is read, with a message that says what was wrong. */
class ConversionErrorsTest {

    @Test
    void aBufferSmallerThanTheFormatSaysIsRefused() {
        FrameFormat format = new FrameFormat(640, 480, PixelFormat.YUYV, 1280, 614400);
        String message = refused(() -> PixelConversion.toRgb(ByteBuffer.allocate(1000), format, new byte[921600]));
        assertTrue(message.contains("614400") && message.contains("1000"), message);
    }

    @Test
    void aShortPlanarBufferIsRefused() {
        FrameFormat format = FrameFormat.of(4, 4, PixelFormat.YU12);
        String message = refused(() -> PixelConversion.toLuma(ByteBuffer.allocate(23), format, new byte[16]));
        assertTrue(message.contains("24"), message);
    }

    @Test
    void tooFewBytesPerLineAreRefused() {
        FrameFormat format = new FrameFormat(4, 2, PixelFormat.RGB24, 10, 24);
        String message = refused(() -> PixelConversion.toRgb(ByteBuffer.allocate(24), format, new byte[24]));
        assertTrue(message.contains("12 bytes per line"), message);
    }

    @Test
    void oddWidthsOfSubsampledFormatsAreRefused() {
        FrameFormat format = new FrameFormat(3, 2, PixelFormat.UYVY, 8, 16);
        String message = refused(() -> PixelConversion.toRgb(ByteBuffer.allocate(16), format, new byte[18]));
        assertTrue(message.contains("even width"), message);
    }

    @Test
    void aTooSmallOutputIsRefusedByName() {
        FrameFormat format = FrameFormat.of(4, 2, PixelFormat.GREY);
        String message = refused(() -> PixelConversion.toRgb(ByteBuffer.allocate(8), format, new byte[23]));
        assertTrue(message.contains("rgbOut") && message.contains("24"), message);
        message = refused(() -> PixelConversion.toLuma(ByteBuffer.allocate(8), format, null));
        assertTrue(message.contains("lumaOut"), message);
    }

    @Test
    void h264IsRefusedWithTheSupportedFormats() {
        FrameFormat format = FrameFormat.of(4, 2, PixelFormat.H264);
        String message = refused(() -> PixelConversion.toRgb(ByteBuffer.allocate(16), format, new byte[24]));
        assertTrue(message.contains("H264") && message.contains("YUYV, UYVY, NV12") && message.contains("MJPEG"),
                message);
    }

    @Test
    void mjpegThatIsNoJpegIsRefusedSayingWhy() {
        FrameFormat format = FrameFormat.of(4, 2, PixelFormat.MJPEG);
        String message = refused(() -> PixelConversion.toLuma(ByteBuffer.allocate(16), format, new byte[8]));
        assertTrue(message.startsWith("4x2 MJPEG") && message.contains("16 bytes") && message.contains("JPEG"),
                message);
        message = refused(() -> PixelConversion.toRgb(ByteBuffer.allocate(16), format, new byte[23]));
        assertTrue(message.contains("rgbOut") && message.contains("24"), message);
    }

    private static String refused(Runnable conversion) {
        return assertThrows(IllegalArgumentException.class, conversion::run).getMessage();
    }
}
