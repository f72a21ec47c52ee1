package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.kapture.api.PixelFormat;

class PlanarBarsTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    /**
     * Bars in a planar layout with the given luma stride, luma one code low as vivid rounds, laid out here by hand
     * as V4L2 draws each format (not through {@link PlanarLayout}).
     */
    private static ByteBuffer bars(PixelFormat format, int stride) {
        boolean interleaved = format != PixelFormat.YU12 && format != PixelFormat.YV12;
        boolean crFirst = format == PixelFormat.NV21 || format == PixelFormat.YV12;
        int linesPerChroma = format == PixelFormat.NV16 ? 1 : 2;
        int chromaStride = interleaved ? stride : stride / 2;
        int first = stride * HEIGHT;
        int second = first + chromaStride * HEIGHT / linesPerChroma;
        ByteBuffer image = ByteBuffer.allocate(interleaved ? second : second + chromaStride * HEIGHT / 2);
        for (int row = 0; row < HEIGHT; row++) {
            for (int x = 0; x < WIDTH; x++) {
                int[] colour = ColourBars.expectedYCbCr(x * 8 / WIDTH);
                image.put(row * stride + x, (byte) (colour[0] - 1));
                if (row % linesPerChroma == 0 && x % 2 == 0) {
                    int line = row / linesPerChroma * chromaStride;
                    int a = interleaved ? first + line + x : first + line + x / 2;
                    int b = interleaved ? first + line + x + 1 : second + line + x / 2;
                    image.put(crFirst ? b : a, (byte) colour[1]);
                    image.put(crFirst ? a : b, (byte) colour[2]);
                }
            }
        }
        return image;
    }

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"NV12", "NV21", "NV16", "YU12", "YV12"})
    void barsPassWithPaddedLines(PixelFormat format) {
        assertEquals(List.of(), PlanarBars.problems(bars(format, 704), format, WIDTH, HEIGHT, 704));
        assertEquals(List.of(), PlanarBars.problems(bars(format, 640), format, WIDTH, HEIGHT, 640));
    }

    @Test
    void theLumaProfileIsTheBarMiddles() {
        assertEquals("179/161/130/111/83/64/34/15", PlanarBars.lumaProfile(bars(PixelFormat.NV12, 640), WIDTH));
    }

    /** Each format read as its chroma-swapped twin must fail: the check sees which of Cb and Cr is which. */
    @Test
    void swappedChromaOrAMisreadLayoutFails() {
        assertFalse(PlanarBars.problems(bars(PixelFormat.NV12, 640), PixelFormat.YU12, WIDTH, HEIGHT, 640).isEmpty(),
                "NV12 read as YU12 must not pass");
        PixelFormat[][] swaps = {{PixelFormat.NV12, PixelFormat.NV21}, {PixelFormat.NV21, PixelFormat.NV12},
            {PixelFormat.YU12, PixelFormat.YV12}, {PixelFormat.YV12, PixelFormat.YU12}};
        for (PixelFormat[] swap : swaps) {
            assertFalse(PlanarBars.problems(bars(swap[0], 640), swap[1], WIDTH, HEIGHT, 640).isEmpty(),
                    swap[0] + " read as " + swap[1] + " must not pass");
        }
        ByteBuffer yu12 = bars(PixelFormat.YU12, 640);
        int cr = 640 * HEIGHT + 320 * HEIGHT / 2;
        for (int at = cr; at < yu12.capacity(); at++) {
            yu12.put(at, (byte) 128);
        }
        List<String> problems = PlanarBars.problems(yu12, PixelFormat.YU12, WIDTH, HEIGHT, 640);
        assertTrue(problems.get(0).startsWith("yellow bar at (100,0)"), problems.get(0));
    }

    /** NV16's chroma plane is as tall as its luma plane; read as NV12, the lower half of the bars is lost. */
    @Test
    void nv16ChromaCoversEveryLine() {
        ByteBuffer nv16 = bars(PixelFormat.NV16, 640);
        assertEquals(640 * HEIGHT * 2, nv16.capacity());
        for (int at = 640 * HEIGHT + 640 * HEIGHT / 2; at < nv16.capacity(); at++) {
            nv16.put(at, (byte) 128);
        }
        assertFalse(PlanarBars.problems(nv16, PixelFormat.NV16, WIDTH, HEIGHT, 640).isEmpty(),
                "grey chroma in the lower half of the NV16 chroma plane must show");
    }

    @Test
    void aTooSmallImageIsReported() {
        List<String> problems = PlanarBars.problems(ByteBuffer.allocate(640 * 480), PixelFormat.NV12, WIDTH, HEIGHT,
                640);
        assertTrue(problems.get(0).contains("fewer than the 460800"), problems.get(0));
        List<String> nv16 = PlanarBars.problems(ByteBuffer.allocate(640 * 480 * 3 / 2), PixelFormat.NV16, WIDTH,
                HEIGHT, 640);
        assertTrue(nv16.get(0).contains("fewer than the 614400"), nv16.get(0));
    }
}
