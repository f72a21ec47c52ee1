package io.kapture.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.testing.TestFrame;

/** Where each layout keeps its samples: byte orders, planes, padded lines, buffer kinds and positions. */
class PixelLayoutTest {

    private static final int WIDTH = 6;
    private static final int HEIGHT = 4;
    private static final byte PAD = YuvPicture.PAD;

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = { "YUYV", "UYVY", "NV12", "YU12", "NV21", "YV12", "NV16" })
    void yuvLayoutsConvertUnpadded(PixelFormat pixelFormat) {
        YuvPicture picture = new YuvPicture(WIDTH, HEIGHT);
        int stride = pixelFormat.minBytesPerLine(WIDTH);
        assertPicture(picture, pixelFormat, stride, ByteBuffer.wrap(picture.pack(pixelFormat, stride)));
    }

    /** Drivers pad lines; padding bytes (0xEE) must never be read as pixels. */
    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = { "YUYV", "UYVY", "NV12", "YU12", "NV21", "YV12", "NV16" })
    void yuvLayoutsConvertWithPaddedLines(PixelFormat pixelFormat) {
        YuvPicture picture = new YuvPicture(WIDTH, HEIGHT);
        int stride = pixelFormat.minBytesPerLine(WIDTH) + 10;
        assertPicture(picture, pixelFormat, stride, ByteBuffer.wrap(picture.pack(pixelFormat, stride)));
    }

    /** An odd number of lines in 4:2:0 gives the last line a chroma line of its own. */
    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = { "NV12", "YU12", "NV21", "YV12", "NV16" })
    void planarLayoutsConvertAnOddNumberOfLines(PixelFormat pixelFormat) {
        YuvPicture picture = new YuvPicture(WIDTH, 5);
        assertPicture(picture, pixelFormat, WIDTH, ByteBuffer.wrap(picture.pack(pixelFormat, WIDTH)));
        int padded = WIDTH + 6;
        assertPicture(picture, pixelFormat, padded, ByteBuffer.wrap(picture.pack(pixelFormat, padded)));
    }

    /** 4:2:2 gives every line chroma of its own: a reader sharing one chroma line between two luma lines fails. */
    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = { "YUYV", "UYVY", "NV16" })
    void layouts422KeepChromaOnEveryLine(PixelFormat pixelFormat) {
        YuvPicture picture = YuvPicture.chromaPerLine(WIDTH, 5);
        int stride = pixelFormat.minBytesPerLine(WIDTH) + 6;
        assertPicture(picture, pixelFormat, stride, ByteBuffer.wrap(picture.pack(pixelFormat, stride)));
    }

    /** The bytes of each planar layout of a 2x2 picture, as the V4L2 specification draws them. */
    @Test
    void planarLayoutsPutCbAndCrWhereV4l2SaysTheyAre() {
        YuvPicture picture = YuvPicture.chromaPerLine(2, 2);
        byte y00 = (byte) picture.luma[0][0];
        byte y01 = (byte) picture.luma[0][1];
        byte y10 = (byte) picture.luma[1][0];
        byte y11 = (byte) picture.luma[1][1];
        byte cb0 = (byte) picture.cb[0][0];
        byte cr0 = (byte) picture.cr[0][0];
        byte cb1 = (byte) picture.cb[1][0];
        byte cr1 = (byte) picture.cr[1][0];
        assertArrayEquals(new byte[] { y00, y01, y10, y11, cb0, cr0, cb1, cr1 }, picture.pack(PixelFormat.NV16, 2));

        YuvPicture shared = new YuvPicture(2, 2);
        byte cb = (byte) shared.cb[0][0];
        byte cr = (byte) shared.cr[0][0];
        byte[] luma = { (byte) shared.luma[0][0], (byte) shared.luma[0][1], (byte) shared.luma[1][0],
            (byte) shared.luma[1][1] };
        assertArrayEquals(withChroma(luma, cb, cr), shared.pack(PixelFormat.NV12, 2));
        assertArrayEquals(withChroma(luma, cr, cb), shared.pack(PixelFormat.NV21, 2));
        assertArrayEquals(withChroma(luma, cb, cr), shared.pack(PixelFormat.YU12, 2));
        assertArrayEquals(withChroma(luma, cr, cb), shared.pack(PixelFormat.YV12, 2));
    }

    /** The same bytes read with the chroma order of the twin format must give other colours, both ways. */
    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = { "NV12", "YU12", "NV21", "YV12" })
    void chromaOrderMatters(PixelFormat pixelFormat) {
        PixelFormat swapped = switch (pixelFormat) {
            case NV12 -> PixelFormat.NV21;
            case NV21 -> PixelFormat.NV12;
            case YU12 -> PixelFormat.YV12;
            default -> PixelFormat.YU12;
        };
        YuvPicture picture = new YuvPicture(WIDTH, HEIGHT);
        byte[] packed = picture.pack(pixelFormat, WIDTH);
        assertFalse(Arrays.equals(rgb(ByteBuffer.wrap(packed), picture.format(pixelFormat, WIDTH)),
                rgb(ByteBuffer.wrap(packed), picture.format(swapped, WIDTH))), pixelFormat + " read as " + swapped);
    }

    /** Frames live in native memory, as read-only views, and need not start at index 0. */
    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = { "YUYV", "UYVY", "NV12", "YU12", "NV21", "YV12", "NV16" })
    void readOnlyDirectBuffersAreReadFromTheirPositionAndLeftUnchanged(PixelFormat pixelFormat) {
        YuvPicture picture = new YuvPicture(WIDTH, HEIGHT);
        int stride = pixelFormat.minBytesPerLine(WIDTH) + 2;
        byte[] packed = picture.pack(pixelFormat, stride);
        ByteBuffer memory = ByteBuffer.allocateDirect(packed.length + 20);
        memory.position(7);
        memory.put(packed);
        ByteBuffer view = memory.asReadOnlyBuffer().position(7).limit(7 + packed.length);

        assertPicture(picture, pixelFormat, stride, view);
        assertEquals(7, view.position());
        assertEquals(7 + packed.length, view.limit());
    }

    @Test
    void yuyvAndUyvyDifferOnlyInByteOrder() {
        YuvPicture picture = new YuvPicture(2, 1);
        byte[] yuyv = picture.pack(PixelFormat.YUYV, 4);
        assertArrayEquals(new byte[] { (byte) picture.luma[0][0], (byte) picture.cb[0][0],
                (byte) picture.luma[0][1], (byte) picture.cr[0][0] }, yuyv);
        byte[] asYuyv = rgb(ByteBuffer.wrap(yuyv), FrameFormat.of(2, 1, PixelFormat.YUYV));
        byte[] asUyvy = rgb(ByteBuffer.wrap(yuyv), FrameFormat.of(2, 1, PixelFormat.UYVY));
        assertFalse(Arrays.equals(asYuyv, asUyvy), "the same bytes read as UYVY must give other colours");
    }

    @Test
    void rgbAndBgrFramesKeepTheirChannelOrder() {
        FrameFormat rgbFormat = new FrameFormat(2, 2, PixelFormat.RGB24, 8, 16);
        FrameFormat bgrFormat = new FrameFormat(2, 2, PixelFormat.BGR24, 8, 16);
        byte[] data = { 10, 20, 30, 40, 50, 60, PAD, PAD, 70, 80, 90, 100, 110, 120, PAD, PAD };

        byte[] rgbOfRgb = rgb(ByteBuffer.wrap(data), rgbFormat);
        byte[] rgbOfBgr = rgb(ByteBuffer.wrap(data), bgrFormat);
        byte[] bgrOfRgb = new byte[12];
        PixelConversion.toBgr(ByteBuffer.wrap(data), rgbFormat, bgrOfRgb);

        assertArrayEquals(new byte[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120 }, rgbOfRgb);
        assertArrayEquals(new byte[] { 30, 20, 10, 60, 50, 40, 90, 80, 70, 120, 110, 100 }, rgbOfBgr);
        assertArrayEquals(rgbOfBgr, bgrOfRgb);
    }

    @Test
    void greyIsShownAsFullRangeGrey() {
        FrameFormat format = new FrameFormat(2, 2, PixelFormat.GREY, 3, 6);
        byte[] rgb = rgb(ByteBuffer.wrap(new byte[] { 0, (byte) 128, PAD, (byte) 255, 7, PAD }), format);
        assertArrayEquals(new byte[] { 0, 0, 0, (byte) 128, (byte) 128, (byte) 128, (byte) 255, (byte) 255,
                (byte) 255, 7, 7, 7 }, rgb);
    }

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = { "YUYV", "UYVY", "NV12", "YU12", "NV21", "YV12", "NV16" })
    void lumaOfYuvFramesIsTheirLumaSamples(PixelFormat pixelFormat) {
        YuvPicture picture = new YuvPicture(WIDTH, HEIGHT);
        int stride = pixelFormat.minBytesPerLine(WIDTH) + 4;
        FrameFormat format = picture.format(pixelFormat, stride);
        byte[] luma = new byte[PixelConversion.lumaSize(format)];
        PixelConversion.toLuma(ByteBuffer.wrap(picture.pack(pixelFormat, stride)), format, luma);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                assertEquals(picture.luma[y][x], luma[y * WIDTH + x] & 0xff, "luma at " + x + "," + y);
            }
        }
    }

    @Test
    void lumaOfPaddedGreyAndBgrFrames() {
        byte[] grey = new byte[4];
        PixelConversion.toLuma(ByteBuffer.wrap(new byte[] { 1, 2, PAD, 3, 4 }),
                new FrameFormat(2, 2, PixelFormat.GREY, 3, 5), grey);
        assertArrayEquals(new byte[] { 1, 2, 3, 4 }, grey);

        byte[] bgrLuma = new byte[2];
        PixelConversion.toLuma(ByteBuffer.wrap(new byte[] { 0, 0, (byte) 255, (byte) 255, 0, 0 }),
                FrameFormat.of(2, 1, PixelFormat.BGR24), bgrLuma);
        assertArrayEquals(new byte[] { 81, 41 }, bgrLuma, "BGR red then blue");
    }

    @Test
    void bytesPastTheImageInTheOutputAreLeftAlone() {
        YuvPicture picture = new YuvPicture(WIDTH, HEIGHT);
        FrameFormat format = picture.format(PixelFormat.NV12, WIDTH);
        byte[] out = new byte[PixelConversion.rgbSize(format) + 5];
        Arrays.fill(out, (byte) 9);
        PixelConversion.toRgb(ByteBuffer.wrap(picture.pack(PixelFormat.NV12, WIDTH)), format, out);
        assertArrayEquals(new byte[] { 9, 9, 9, 9, 9 }, Arrays.copyOfRange(out, out.length - 5, out.length));
    }

    @Test
    void framesConvertThroughTheirReadOnlyData() {
        YuvPicture picture = new YuvPicture(WIDTH, HEIGHT);
        FrameFormat format = picture.format(PixelFormat.YUYV, WIDTH * 2);
        TestFrame frame = TestFrame.builder(format, picture.pack(PixelFormat.YUYV, WIDTH * 2)).direct().build();
        byte[] rgb = new byte[PixelConversion.rgbSize(format)];
        PixelConversion.toRgb(frame, rgb);
        byte[] luma = new byte[PixelConversion.lumaSize(format)];
        PixelConversion.toLuma(frame, luma);
        assertArrayEquals(picture.expectedRgb(WIDTH - 1, HEIGHT - 1),
                new int[] { rgb[rgb.length - 3] & 0xff, rgb[rgb.length - 2] & 0xff, rgb[rgb.length - 1] & 0xff });
        assertEquals(picture.luma[HEIGHT - 1][WIDTH - 1], luma[luma.length - 1] & 0xff);
    }

    private static byte[] withChroma(byte[] luma, byte first, byte second) {
        byte[] data = Arrays.copyOf(luma, luma.length + 2);
        data[luma.length] = first;
        data[luma.length + 1] = second;
        return data;
    }

    private static void assertPicture(YuvPicture picture, PixelFormat pixelFormat, int stride, ByteBuffer data) {
        byte[] rgb = rgb(data, picture.format(pixelFormat, stride));
        for (int y = 0; y < picture.height; y++) {
            for (int x = 0; x < picture.width; x++) {
                int p = (y * picture.width + x) * 3;
                int[] actual = { rgb[p] & 0xff, rgb[p + 1] & 0xff, rgb[p + 2] & 0xff };
                int[] expected = picture.expectedRgb(x, y);
                for (int c = 0; c < 3; c++) {
                    assertEquals(expected[c], actual[c], 1, pixelFormat + " stride " + stride + " pixel " + x + ","
                            + y + " channel " + c);
                }
            }
        }
    }

    private static byte[] rgb(ByteBuffer data, FrameFormat format) {
        byte[] rgb = new byte[PixelConversion.rgbSize(format)];
        PixelConversion.toRgb(data, format, rgb);
        return rgb;
    }
}
