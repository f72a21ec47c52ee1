package io.kapture.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.testing.TestFrame;

/**
 * Through the public API with whichever engine is in use (the build runs this class with each): MJPEG frames convert
 * into RGB, BGR and luma arrays, a YUYV frame's JPEG decodes to what {@link PixelConversion} computes from the frame,
 * and the engine's name is reported.
 */
class MjpegAndEngineTest {

    /** Flat 16x16 blocks of distinct video-range Y, Cb, Cr: JPEG keeps the middle of each within a few levels. */
    private static final int[][] BLOCKS = {{81, 90, 240}, {145, 54, 34}, {41, 200, 110}, {180, 60, 146},
        {170, 166, 60}, {106, 202, 200}, {30, 128, 128}, {220, 128, 128}};
    private static final int WIDTH = 64;
    private static final int HEIGHT = 32;

    @Test
    void aYuyvFramesJpegDecodesToWhatPixelConversionComputes() throws IOException {
        TestFrame frame = TestFrame.of(FrameFormat.of(WIDTH, HEIGHT, PixelFormat.YUYV), yuyvBlocks());
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        PixelConversion.toRgb(frame, rgb);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(ImageEncoding.jpegOf(frame, 0.9f)));

        assertEquals(WIDTH, decoded.getWidth());
        assertEquals(HEIGHT, decoded.getHeight());
        for (int b = 0; b < BLOCKS.length; b++) {
            int x = b % 4 * 16 + 8;
            int y = b / 4 * 16 + 8;
            int expected = pixel(rgb, y * WIDTH + x);
            int actual = decoded.getRGB(x, y);
            for (int shift = 0; shift <= 16; shift += 8) {
                assertEquals(expected >> shift & 0xff, actual >> shift & 0xff, 6,
                        ImageEncoding.jpegEngine() + ": block " + b + ", bits " + shift);
            }
        }
    }

    @Test
    void mjpegFramesConvertIntoRgbBgrAndLumaArrays() {
        TestFrame yuyv = TestFrame.of(FrameFormat.of(WIDTH, HEIGHT, PixelFormat.YUYV), yuyvBlocks());
        byte[] expectedRgb = new byte[WIDTH * HEIGHT * 3];
        byte[] expectedLuma = new byte[WIDTH * HEIGHT];
        PixelConversion.toRgb(yuyv, expectedRgb);
        PixelConversion.toLuma(yuyv, expectedLuma);
        FrameFormat mjpeg = FrameFormat.of(WIDTH, HEIGHT, PixelFormat.MJPEG);
        TestFrame frame = TestFrame.builder(mjpeg, ImageEncoding.jpegOf(yuyv, 0.95f)).direct().build();

        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        byte[] bgr = new byte[WIDTH * HEIGHT * 3];
        byte[] luma = new byte[WIDTH * HEIGHT];
        PixelConversion.toRgb(frame, rgb);
        PixelConversion.toBgr(frame.data(), mjpeg, bgr);
        PixelConversion.toLuma(frame, luma);

        for (int b = 0; b < BLOCKS.length; b++) {
            int p = (b / 4 * 16 + 8) * WIDTH + b % 4 * 16 + 8;
            for (int c = 0; c < 3; c++) {
                assertEquals(expectedRgb[3 * p + c] & 0xff, rgb[3 * p + c] & 0xff, 6, "RGB of block " + b);
                assertEquals(expectedRgb[3 * p + c] & 0xff, bgr[3 * p + 2 - c] & 0xff, 6, "BGR of block " + b);
            }
            assertEquals(expectedLuma[p] & 0xff, luma[p] & 0xff, 4, "video-range luma of block " + b);
        }
    }

    @Test
    void anMjpegFrameOfAnotherSizeThanItsFormatIsRefused() {
        byte[] jpeg = ImageEncoding.jpegOf(TestFrame.of(FrameFormat.of(WIDTH, HEIGHT, PixelFormat.YUYV),
                yuyvBlocks()), 0.8f);
        FrameFormat announced = FrameFormat.of(32, 16, PixelFormat.MJPEG);
        String message = assertThrows(IllegalArgumentException.class,
                () -> PixelConversion.toRgb(ByteBuffer.wrap(jpeg), announced, new byte[32 * 16 * 3])).getMessage();
        assertEquals("32x16 MJPEG: the JPEG is 64x32 but the frame format says 32x16", message);
    }

    @Test
    void aBufferAndFormatEncodeLikeTheFrameAndTheEngineIsNamed() {
        FrameFormat format = FrameFormat.of(WIDTH, HEIGHT, PixelFormat.YUYV);
        ByteBuffer data = ByteBuffer.wrap(yuyvBlocks());
        byte[] fromBuffer = ImageEncoding.jpegOf(data, format, 0.7f);
        byte[] fromFrame = ImageEncoding.jpegOf(TestFrame.of(format, yuyvBlocks()), 0.7f);

        assertEquals(0, data.position());
        assertEquals(fromFrame.length, fromBuffer.length);
        String engine = ImageEncoding.jpegEngine();
        assertTrue(engine.equals("libjpeg-turbo") || engine.equals("javax.imageio"), engine);
    }

    private static byte[] yuyvBlocks() {
        byte[] data = new byte[WIDTH * HEIGHT * 2];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x += 2) {
                int[] block = BLOCKS[y / 16 * 4 + x / 16];
                int p = (y * WIDTH + x) * 2;
                data[p] = (byte) block[0];
                data[p + 1] = (byte) block[1];
                data[p + 2] = (byte) block[0];
                data[p + 3] = (byte) block[2];
            }
        }
        return data;
    }

    private static int pixel(byte[] rgb, int p) {
        return (rgb[3 * p] & 0xff) << 16 | (rgb[3 * p + 1] & 0xff) << 8 | rgb[3 * p + 2] & 0xff;
    }
}
