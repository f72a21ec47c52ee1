package io.kapture.convert.internal.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kapture.api.PixelFormat;
import io.kapture.convert.JpegStreams;

/**
 * Both engines against the same expectations: every uncompressed layout encodes to a JPEG that javax.imageio decodes
 * to the BT.601 colours of the source; images of every type encode; JPEGs decode to images and into RGB, BGR and
 * luma arrays; bad input is refused with a message that says what was wrong.
 */
class JpegCodecTest {

    private static final PatchPicture PICTURE = PatchPicture.standard();

    @ParameterizedTest
    @ValueSource(strings = {Engines.TURBO, Engines.IMAGEIO})
    void everyRawLayoutEncodesToTheColoursOfTheSource(String engine) {
        JpegCodec codec = Engines.open(engine);
        try {
            for (PixelFormat format : new PixelFormat[] {PixelFormat.YUYV, PixelFormat.UYVY, PixelFormat.NV12,
                PixelFormat.YU12, PixelFormat.NV21, PixelFormat.YV12, PixelFormat.NV16, PixelFormat.RGB24,
                PixelFormat.BGR24}) {
                byte[] jpeg = codec.encode(PICTURE.buffer(format), PICTURE.layout(format), 0.9f);
                Engines.assertLooksLike(PICTURE, Engines.read(jpeg), 6, 34, engine + " " + format);
            }
            byte[] grey = codec.encode(PICTURE.buffer(PixelFormat.GREY), PICTURE.layout(PixelFormat.GREY), 0.9f);
            BufferedImage decoded = Engines.read(grey);
            assertEquals(PICTURE.width, decoded.getWidth());
            assertEquals(PICTURE.height, decoded.getHeight());
            for (int y = PatchPicture.PATCH / 2; y < PICTURE.height; y += PatchPicture.PATCH) {
                for (int x = PatchPicture.PATCH / 2; x < PICTURE.width; x += PatchPicture.PATCH) {
                    int expected = PICTURE.luma(x, y);
                    for (int band = 0; band < decoded.getRaster().getNumBands(); band++) {
                        // samples, not getRGB: Java treats a grey image as linear and would gamma-correct it
                        assertEquals(expected, decoded.getRaster().getSample(x, y, band), 3,
                                engine + " GREY at " + x + "," + y);
                    }
                }
            }
        } finally {
            codec.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Engines.TURBO, Engines.IMAGEIO})
    void imagesOfEveryTypeEncode(String engine) {
        JpegCodec codec = Engines.open(engine);
        try {
            BufferedImage reference = Engines.read(codec.encode(PICTURE.buffer(PixelFormat.RGB24),
                    PICTURE.layout(PixelFormat.RGB24), 1f));
            for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR}) {
                BufferedImage image = copy(reference, type, PICTURE.width, PICTURE.height);
                Engines.assertLooksLike(PICTURE, Engines.read(codec.encode(image, 0.9f)), 8, 32,
                        engine + " type " + type);
            }
            BufferedImage wide = copy(reference, BufferedImage.TYPE_3BYTE_BGR, PICTURE.width + 16, PICTURE.height);
            BufferedImage sub = wide.getSubimage(0, 0, PICTURE.width, PICTURE.height);
            Engines.assertLooksLike(PICTURE, Engines.read(codec.encode(sub, 0.9f)), 8, 32, engine + " sub-image");
        } finally {
            codec.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Engines.TURBO, Engines.IMAGEIO})
    void jpegsDecodeToImagesAndIntoArrays(String engine) {
        byte[] jpeg = new ImageIoJpeg().encode(PICTURE.buffer(PixelFormat.YUYV), PICTURE.layout(PixelFormat.YUYV),
                0.95f);
        JpegCodec codec = Engines.open(engine);
        try {
            Engines.assertLooksLike(PICTURE, codec.decode(ByteBuffer.wrap(jpeg)), 6, 34, engine + " image");
            int pixels = PICTURE.width * PICTURE.height;
            byte[] rgb = new byte[pixels * 3];
            byte[] bgr = new byte[pixels * 3];
            byte[] luma = new byte[pixels];
            ByteBuffer direct = ByteBuffer.allocateDirect(jpeg.length + 10).position(10);
            direct.put(jpeg).position(10);
            codec.decode(direct, PICTURE.width, PICTURE.height, DecodeTarget.RGB, rgb);
            codec.decode(ByteBuffer.wrap(jpeg), PICTURE.width, PICTURE.height, DecodeTarget.BGR, bgr);
            codec.decode(ByteBuffer.wrap(jpeg), PICTURE.width, PICTURE.height, DecodeTarget.LUMA, luma);
            assertEquals(10, direct.position(), "the source buffer's position is left alone");
            for (int y = PatchPicture.PATCH / 2; y < PICTURE.height; y += PatchPicture.PATCH) {
                for (int x = PatchPicture.PATCH / 2; x < PICTURE.width; x += PatchPicture.PATCH) {
                    int p = y * PICTURE.width + x;
                    int[] expected = PICTURE.expectedRgb(x, y);
                    for (int c = 0; c < 3; c++) {
                        assertEquals(expected[c], rgb[3 * p + c] & 0xff, 6, engine + " RGB " + c + " at " + x + "," + y);
                        assertEquals(expected[c], bgr[3 * p + 2 - c] & 0xff, 6, engine + " BGR " + c + " at " + x);
                    }
                    assertEquals(PICTURE.expectedLuma(x, y), luma[p] & 0xff, 3, engine + " luma at " + x + "," + y);
                }
            }
        } finally {
            codec.close();
        }
    }

    /** Many UVC webcams leave the standard Huffman tables out of their MJPEG frames (as AVI MJPEG does). */
    @ParameterizedTest
    @ValueSource(strings = {Engines.TURBO, Engines.IMAGEIO})
    void mjpegWithoutHuffmanTablesDecodes(String engine) {
        byte[] jpeg = JpegStreams.withoutHuffmanTables(new ImageIoJpeg().encode(PICTURE.buffer(PixelFormat.YUYV),
                PICTURE.layout(PixelFormat.YUYV), 0.95f));
        JpegCodec codec = Engines.open(engine);
        try {
            Engines.assertLooksLike(PICTURE, codec.decode(ByteBuffer.wrap(jpeg)), 6, 34, engine);
        } finally {
            codec.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Engines.TURBO, Engines.IMAGEIO})
    void badJpegsAreRefusedSayingWhy(String engine) {
        byte[] jpeg = new ImageIoJpeg().encode(PICTURE.buffer(PixelFormat.YUYV), PICTURE.layout(PixelFormat.YUYV),
                0.9f);
        byte[] random = new byte[500];
        new Random(5).nextBytes(random);
        byte[] junkAfterStart = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5, 6};
        byte[] headerOnly = Arrays.copyOf(jpeg, 20);
        JpegCodec codec = Engines.open(engine);
        try {
            for (byte[] bad : new byte[][] {random, junkAfterStart, headerOnly, new byte[0]}) {
                String message = assertThrows(IllegalArgumentException.class,
                        () -> codec.decode(ByteBuffer.wrap(bad)), engine + " decoded " + bad.length + " bad bytes")
                        .getMessage();
                assertTrue(message.contains("JPEG") && message.contains(String.valueOf(bad.length)), message);
            }
            byte[] out = new byte[32 * 24 * 3];
            String wrongSize = assertThrows(IllegalArgumentException.class,
                    () -> codec.decode(ByteBuffer.wrap(jpeg), 32, 24, DecodeTarget.RGB, out)).getMessage();
            assertEquals("the JPEG is 64x48 but the frame format says 32x24", wrongSize);
        } finally {
            codec.close();
        }
    }

    private static BufferedImage copy(BufferedImage source, int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.drawImage(source, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return image;
    }
}
