package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlanarBarsTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    /** Bars in NV12 or YU12 layout with the given luma stride, luma one code low as vivid rounds. */
    private static ByteBuffer bars(boolean interleaved, int stride) {
        int chromaStride = interleaved ? stride : stride / 2;
        int cb = stride * HEIGHT;
        int cr = cb + chromaStride * HEIGHT / 2;
        ByteBuffer image = ByteBuffer.allocate(cr + (interleaved ? 0 : chromaStride * HEIGHT / 2));
        for (int row = 0; row < HEIGHT; row++) {
            for (int x = 0; x < WIDTH; x++) {
                int[] colour = ColourBars.expectedYCbCr(x * 8 / WIDTH);
                image.put(row * stride + x, (byte) (colour[0] - 1));
                if (row % 2 == 0 && x % 2 == 0) {
                    int line = row / 2 * chromaStride;
                    image.put(interleaved ? cb + line + x : cb + line + x / 2, (byte) colour[1]);
                    image.put(interleaved ? cb + line + x + 1 : cr + line + x / 2, (byte) colour[2]);
                }
            }
        }
        return image;
    }

    @Test
    void nv12AndYu12BarsPassWithPaddedLines() {
        assertEquals(List.of(), PlanarBars.problems(bars(true, 704), true, WIDTH, HEIGHT, 704));
        assertEquals(List.of(), PlanarBars.problems(bars(false, 704), false, WIDTH, HEIGHT, 704));
        assertEquals("179/161/130/111/83/64/34/15", PlanarBars.lumaProfile(bars(true, 640), WIDTH));
    }

    @Test
    void swappedChromaOrAMisreadLayoutFails() {
        ByteBuffer nv12 = bars(true, 640);
        List<String> asYu12 = PlanarBars.problems(nv12, false, WIDTH, HEIGHT, 640);
        assertTrue(!asYu12.isEmpty(), "NV12 read as YU12 must not pass");
        ByteBuffer yu12 = bars(false, 640);
        int cr = 640 * HEIGHT + 320 * HEIGHT / 2;
        for (int at = cr; at < yu12.capacity(); at++) {
            yu12.put(at, (byte) 128);
        }
        List<String> problems = PlanarBars.problems(yu12, false, WIDTH, HEIGHT, 640);
        assertTrue(problems.get(0).startsWith("yellow bar at (100,0)"), problems.get(0));
    }

    @Test
    void aTooSmallImageIsReported() {
        List<String> problems = PlanarBars.problems(ByteBuffer.allocate(640 * 480), true, WIDTH, HEIGHT, 640);
        assertTrue(problems.get(0).contains("fewer than the 460800"), problems.get(0));
    }
}
