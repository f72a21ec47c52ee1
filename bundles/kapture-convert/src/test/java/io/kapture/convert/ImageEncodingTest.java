package io.kapture.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.testing.TestFrame;

/** JPEG and PNG encoding, checked by decoding the result, and frames as JPEG with MJPEG passed through. */
class ImageEncodingTest {

    @Test
    void pngIsLossless() throws IOException {
        BufferedImage image = new BufferedImage(31, 17, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 31; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        BufferedImage decoded = decode(ImageEncoding.encodePng(image));
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 31; x++) {
                assertEquals(image.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void pngKeepsAlpha() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x80ff0000);
        image.setRGB(1, 0, 0x00000000);
        BufferedImage decoded = decode(ImageEncoding.encodePng(image));
        assertEquals(0x80ff0000, decoded.getRGB(0, 0));
        assertEquals(0, decoded.getRGB(1, 0) >>> 24);
    }

    @Test
    void jpegIsAJpegAndQualityMatters() throws IOException {
        BufferedImage image = noise(64, 64);
        byte[] low = ImageEncoding.encodeJpeg(image, 0.2f);
        byte[] high = ImageEncoding.encodeJpeg(image, 0.95f);

        assertEquals(0xffd8, (high[0] & 0xff) << 8 | (high[1] & 0xff), "starts with SOI");
        assertEquals(0xffd9, (high[high.length - 2] & 0xff) << 8 | (high[high.length - 1] & 0xff), "ends with EOI");
        assertTrue(high.length > low.length, "quality 0.95 gave " + high.length + " bytes, 0.2 gave " + low.length);
        assertEquals(64, decode(low).getWidth());
    }

    @Test
    void jpegDropsAlphaInsteadOfFailing() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, 0xff2080c0);
            }
        }
        Color decoded = new Color(decode(ImageEncoding.encodeJpeg(image, 0.9f)).getRGB(8, 8));
        assertEquals(0x20, decoded.getRed(), 6);
        assertEquals(0x80, decoded.getGreen(), 6);
        assertEquals(0xc0, decoded.getBlue(), 6);
    }

    @Test
    void qualityOutsideZeroToOneIsRefused() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        for (float quality : new float[] { -0.1f, 1.5f, Float.NaN }) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> ImageEncoding.encodeJpeg(image, quality)).getMessage();
            assertTrue(message.contains("between 0.0 and 1.0"), message);
        }
    }

    @Test
    void anMjpegFrameIsPassedThroughAsItIs() {
        byte[] jpeg = ImageEncoding.encodeJpeg(noise(32, 16), 0.5f);
        FrameFormat format = FrameFormat.of(32, 16, PixelFormat.MJPEG);

        byte[] passed = ImageEncoding.jpegOf(TestFrame.of(format, jpeg), 0.9f);
        byte[] direct = ImageEncoding.jpegOf(TestFrame.builder(format, jpeg).direct().build(), 0.9f);

        assertArrayEquals(jpeg, passed, "not re-encoded at another quality");
        assertArrayEquals(jpeg, direct);
    }

    @Test
    void anUncompressedFrameIsEncodedAtTheQualityAsked() throws IOException {
        FrameFormat format = FrameFormat.of(64, 48, PixelFormat.GREY);
        byte[] grey = new byte[64 * 48];
        new Random(3).nextBytes(grey);

        byte[] low = ImageEncoding.jpegOf(TestFrame.of(format, grey), 0.2f);
        byte[] high = ImageEncoding.jpegOf(TestFrame.of(format, grey), 0.95f);

        assertEquals(64, decode(high).getWidth());
        assertEquals(48, decode(high).getHeight());
        assertTrue(high.length > low.length, "quality 0.95 gave " + high.length + " bytes, 0.2 gave " + low.length);
    }

    @Test
    void framesThatAreNoJpegAreRefusedNamingTheFrame() {
        FrameFormat mjpeg = FrameFormat.of(32, 16, PixelFormat.MJPEG);
        String notJpeg = assertThrows(IllegalArgumentException.class,
                () -> ImageEncoding.jpegOf(TestFrame.of(mjpeg, new byte[] { 0, 0, (byte) 0xFF, (byte) 0xD8 }), 0.8f))
                .getMessage();
        String h264 = assertThrows(IllegalArgumentException.class,
                () -> ImageEncoding.jpegOf(TestFrame.of(FrameFormat.of(32, 16, PixelFormat.H264), new byte[64]),
                        0.8f)).getMessage();
        String quality = assertThrows(IllegalArgumentException.class,
                () -> ImageEncoding.jpegOf(TestFrame.of(mjpeg, new byte[] { (byte) 0xFF, (byte) 0xD8 }), 2f))
                .getMessage();

        assertEquals("MJPEG frame 0 of camera cam0 does not start with a JPEG start-of-image marker (FF D8)",
                notJpeg);
        assertTrue(h264.contains("frame 0 of camera cam0: H264"), h264);
        assertTrue(quality.contains("between 0.0 and 1.0"), quality);
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(11);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static BufferedImage decode(byte[] encoded) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
        assertTrue(image != null, "no reader recognised the encoded bytes");
        return image;
    }
}
