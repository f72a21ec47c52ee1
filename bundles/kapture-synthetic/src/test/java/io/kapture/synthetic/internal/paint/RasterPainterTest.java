package io.kapture.synthetic.internal.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.kapture.api.PixelFormat;

class RasterPainterTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    /** Published BT.601 limited-range Y, Cb, Cr of the eight 100% bars. */
    private static final int[][] BARS_YUV = {
        {235, 128, 128}, {210, 16, 146}, {170, 166, 16}, {145, 54, 34},
        {106, 202, 222}, {81, 90, 240}, {41, 240, 110}, {16, 128, 128},
    };
    private static final int[][] BARS_RGB = {
        {255, 255, 255}, {255, 255, 0}, {0, 255, 255}, {0, 255, 0},
        {255, 0, 255}, {255, 0, 0}, {0, 0, 255}, {0, 0, 0},
    };

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"YUYV", "NV12", "NV21", "YV12", "NV16", "GREY", "RGB24", "BGR24"})
    void barsHaveTheirValuesAtTheCentreOfEachBar(PixelFormat format) {
        Canvas canvas = Canvas.of(format, WIDTH, HEIGHT);
        RasterPainter painter = new RasterPainter(canvas);
        painter.retemplate(Pattern.BARS, 128);
        ByteBuffer frame = ByteBuffer.allocateDirect(canvas.imageSize());
        painter.paint(frame, new DirtyRegions(), 7);

        int y = HEIGHT - 10;
        for (int bar = 0; bar < 8; bar++) {
            int x = WIDTH * (2 * bar + 1) / 16 & ~1;
            switch (format) {
                case YUYV -> {
                    int pair = y * WIDTH * 2 + x * 2;
                    assertEquals(BARS_YUV[bar][0], frame.get(pair) & 0xFF, "Y0 of bar " + bar);
                    assertEquals(BARS_YUV[bar][1], frame.get(pair + 1) & 0xFF, "U of bar " + bar);
                    assertEquals(BARS_YUV[bar][0], frame.get(pair + 2) & 0xFF, "Y1 of bar " + bar);
                    assertEquals(BARS_YUV[bar][2], frame.get(pair + 3) & 0xFF, "V of bar " + bar);
                }
                case NV12, NV21, NV16, YV12 -> {
                    assertEquals(BARS_YUV[bar][0], frame.get(y * WIDTH + x) & 0xFF, "Y of bar " + bar);
                    int lumaPlane = WIDTH * HEIGHT;
                    int[] cbCr = switch (format) {
                        case NV12 -> interleaved(lumaPlane + y / 2 * WIDTH + x, 0);
                        case NV21 -> interleaved(lumaPlane + y / 2 * WIDTH + x, 1);
                        case NV16 -> interleaved(lumaPlane + y * WIDTH + x, 0);
                        default -> new int[] {lumaPlane + lumaPlane / 4 + y / 2 * WIDTH / 2 + x / 2,
                            lumaPlane + y / 2 * WIDTH / 2 + x / 2};
                    };
                    assertEquals(BARS_YUV[bar][1], frame.get(cbCr[0]) & 0xFF, format + " Cb of bar " + bar);
                    assertEquals(BARS_YUV[bar][2], frame.get(cbCr[1]) & 0xFF, format + " Cr of bar " + bar);
                }
                case GREY -> assertEquals(BARS_YUV[bar][0], frame.get(y * WIDTH + x) & 0xFF, "Y of bar " + bar);
                default -> {
                    int pixel = (y * WIDTH + x) * 3;
                    boolean bgr = format == PixelFormat.BGR24;
                    assertEquals(BARS_RGB[bar][0], frame.get(pixel + (bgr ? 2 : 0)) & 0xFF, "R of bar " + bar);
                    assertEquals(BARS_RGB[bar][1], frame.get(pixel + 1) & 0xFF, "G of bar " + bar);
                    assertEquals(BARS_RGB[bar][2], frame.get(pixel + (bgr ? 0 : 2)) & 0xFF, "B of bar " + bar);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"YUYV", "NV12", "NV21", "YV12", "NV16", "GREY", "RGB24", "BGR24"})
    void dirtyRegionRepaintGivesTheBytesOfAFullPaint(PixelFormat format) {
        for (Pattern pattern : Pattern.values()) {
            Canvas canvas = Canvas.of(format, WIDTH, HEIGHT);
            RasterPainter painter = new RasterPainter(canvas);
            painter.retemplate(pattern, 128);
            ByteBuffer reused = ByteBuffer.allocateDirect(canvas.imageSize());
            DirtyRegions dirty = new DirtyRegions();
            long[] sequences = {0, 1, 2, 9, 10, 99, 100, 57, 1_000_003, 4_294_967_295L, 3};
            for (int i = 0; i < sequences.length; i++) {
                if (i == 6) {
                    painter.retemplate(pattern, 90);
                }
                painter.paint(reused, dirty, sequences[i]);
                ByteBuffer reference = ByteBuffer.allocateDirect(canvas.imageSize());
                painter.paint(reference, new DirtyRegions(), sequences[i]);
                assertEquals(reference.rewind(), reused.rewind(),
                        format + " " + pattern.label() + " frame " + sequences[i] + " differs from a full paint");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"YUYV", "NV12", "NV21", "YV12", "NV16", "GREY"})
    void brightnessShiftsTheTemplateLuma(PixelFormat format) {
        Canvas canvas = Canvas.of(format, WIDTH, HEIGHT);
        RasterPainter painter = new RasterPainter(canvas);
        ByteBuffer frame = ByteBuffer.allocateDirect(canvas.imageSize());
        int index = (HEIGHT - 10) * format.minBytesPerLine(WIDTH) + format.minBytesPerLine(WIDTH * 7 / 16 & ~1);

        painter.retemplate(Pattern.BARS, 128 + 20);
        painter.paint(frame, new DirtyRegions(), 0);
        assertEquals(145 + 20, frame.get(index) & 0xFF, "green bar luma raised by 20");

        painter.retemplate(Pattern.BARS, 0);
        painter.paint(frame, new DirtyRegions(), 0);
        assertEquals(145 - 128, frame.get(index) & 0xFF, "green bar luma lowered by 128");
    }

    /** Indices of Cb and Cr in an interleaved pair at {@code pair}, Cb first or ({@code crFirst} 1) Cr first. */
    private static int[] interleaved(int pair, int crFirst) {
        return new int[] {pair + crFirst, pair + 1 - crFirst};
    }

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"YUYV", "RGB24"})
    void theBoxMovesBetweenFrames(PixelFormat format) {
        Canvas canvas = Canvas.of(format, WIDTH, HEIGHT);
        RasterPainter painter = new RasterPainter(canvas);
        painter.retemplate(Pattern.BOX, 128);
        ByteBuffer first = ByteBuffer.allocateDirect(canvas.imageSize());
        ByteBuffer later = ByteBuffer.allocateDirect(canvas.imageSize());
        painter.paint(first, new DirtyRegions(), 40);
        painter.paint(later, new DirtyRegions(), 40);
        assertEquals(first.rewind(), later.rewind(), "same frame, same bytes");
        painter.paint(later, new DirtyRegions(), 41);
        Scene scene = new Scene(WIDTH, HEIGHT);
        int side = scene.boxSize();
        int bytesPerPixel = format.minBytesPerLine(1);
        int corner = (scene.boxY(41) + side - 1) * WIDTH * bytesPerPixel
                + (scene.boxX(41) + side - 1) * bytesPerPixel;
        assertNotEquals(first.get(corner), later.get(corner), "box corner of frame 41 drawn");
        assertEquals(format == PixelFormat.YUYV ? Colour.BOX.y() : Colour.BOX.r(), later.get(corner) & 0xFF);
    }
}
