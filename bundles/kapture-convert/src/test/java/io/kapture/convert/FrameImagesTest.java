package io.kapture.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.testing.TestFrame;

/** Frames to images: raw layouts converted, MJPEG decoded (also as webcams send it), H.264 refused. */
class FrameImagesTest {

    private static final Color[] QUADRANTS = { new Color(200, 30, 40), new Color(20, 180, 60),
            new Color(30, 60, 210), new Color(230, 230, 40) };

    @Test
    void aPaddedYuyvFrameBecomesAnRgbImage() {
        YuvPicture picture = new YuvPicture(8, 6);
        FrameFormat format = picture.format(PixelFormat.YUYV, 20);
        BufferedImage image = FrameImages.toImage(TestFrame.of(format, picture.pack(PixelFormat.YUYV, 20)));

        assertEquals(8, image.getWidth());
        assertEquals(6, image.getHeight());
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                int[] expected = picture.expectedRgb(x, y);
                Color actual = new Color(image.getRGB(x, y));
                assertEquals(expected[0], actual.getRed(), 1, "red at " + x + "," + y);
                assertEquals(expected[1], actual.getGreen(), 1, "green at " + x + "," + y);
                assertEquals(expected[2], actual.getBlue(), 1, "blue at " + x + "," + y);
            }
        }
    }

    @Test
    void anRgbFrameKeepsItsColoursExactly() {
        FrameFormat format = FrameFormat.of(2, 1, PixelFormat.RGB24);
        BufferedImage image = FrameImages.toImage(TestFrame.of(format, new byte[] { 1, 2, 3, (byte) 250, 5, 6 }));
        assertEquals(0x010203, image.getRGB(0, 0) & 0xffffff);
        assertEquals(0xfa0506, image.getRGB(1, 0) & 0xffffff);
    }

    @Test
    void mjpegSurvivesARoundTripThroughEncodeJpeg() {
        BufferedImage original = quadrants(64, 48);
        byte[] jpeg = ImageEncoding.encodeJpeg(original, 0.95f);

        BufferedImage decoded = FrameImages.toImage(mjpegFrame(jpeg, 64, 48));

        assertQuadrants(decoded, 64, 48);
    }

    /** Many UVC webcams leave the standard Huffman tables out of their MJPEG frames (as AVI MJPEG does). */
    @Test
    void mjpegWithoutHuffmanTablesIsDecoded() {
        byte[] jpeg = JpegStreams.withoutHuffmanTables(ImageEncoding.encodeJpeg(quadrants(64, 48), 0.95f));

        assertQuadrants(FrameImages.toImage(mjpegFrame(jpeg, 64, 48)), 64, 48);
    }

    @Test
    void undecodableMjpegIsRefusedNamingTheFrame() {
        byte[] notJpeg = { (byte) 0xff, (byte) 0xd8, 1, 2, 3, 4, 5, 6 };
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FrameImages.toImage(mjpegFrame(notJpeg, 64, 48)));
        assertTrue(refused.getMessage().contains("cam0") && refused.getMessage().contains("JPEG"),
                refused.getMessage());
    }

    @Test
    void h264IsRefusedNamingTheSupportedFormats() {
        FrameFormat format = FrameFormat.of(64, 48, PixelFormat.H264);
        String message = assertThrows(IllegalArgumentException.class,
                () -> FrameImages.toImage(TestFrame.of(format, new byte[100]))).getMessage();
        assertTrue(message.contains("H264") && message.contains("YUYV") && message.contains("MJPEG"), message);
    }

    private static TestFrame mjpegFrame(byte[] jpeg, int width, int height) {
        FrameFormat format = FrameFormat.of(width, height, PixelFormat.MJPEG);
        return TestFrame.builder(format, jpeg).direct().build();
    }

    private static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        for (int q = 0; q < 4; q++) {
            graphics.setColor(QUADRANTS[q]);
            graphics.fillRect(q % 2 * width / 2, q / 2 * height / 2, width / 2, height / 2);
        }
        graphics.dispose();
        return image;
    }

    /** JPEG is lossy: the middle of each flat quadrant comes back within a few levels. */
    private static void assertQuadrants(BufferedImage image, int width, int height) {
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        for (int q = 0; q < 4; q++) {
            Color actual = new Color(image.getRGB(q % 2 * width / 2 + width / 4, q / 2 * height / 2 + height / 4));
            Color expected = QUADRANTS[q];
            assertEquals(expected.getRed(), actual.getRed(), 8, "red of quadrant " + q);
            assertEquals(expected.getGreen(), actual.getGreen(), 8, "green of quadrant " + q);
            assertEquals(expected.getBlue(), actual.getBlue(), 8, "blue of quadrant " + q);
        }
    }
}
