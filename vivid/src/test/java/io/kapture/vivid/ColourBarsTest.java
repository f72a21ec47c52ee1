package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class ColourBarsTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    /** Bars as vivid draws them, with a stride wider than the line and luma one code low, as vivid rounds. */
    private static ByteBuffer bars(int stride) {
        ByteBuffer image = ByteBuffer.allocate(stride * HEIGHT);
        for (int row = 0; row < HEIGHT; row++) {
            for (int x = 0; x < WIDTH; x += 2) {
                int[] colour = ColourBars.expectedYCbCr(x * 8 / WIDTH);
                int at = row * stride + 2 * x;
                image.put(at, (byte) (colour[0] - 1));
                image.put(at + 1, (byte) colour[1]);
                image.put(at + 2, (byte) (colour[0] - 1));
                image.put(at + 3, (byte) colour[2]);
            }
        }
        return image;
    }

    @Test
    void expectedCodesAreTheBt601LimitedRange75PercentBars() {
        assertArrayEquals(new int[] {180, 128, 128}, ColourBars.expectedYCbCr(0));
        assertArrayEquals(new int[] {162, 44, 142}, ColourBars.expectedYCbCr(1));
        assertArrayEquals(new int[] {35, 212, 114}, ColourBars.expectedYCbCr(6));
        assertArrayEquals(new int[] {16, 128, 128}, ColourBars.expectedYCbCr(7));
    }

    @Test
    void barsPass() {
        assertEquals(List.of(), ColourBars.problems(bars(WIDTH * 2), WIDTH, HEIGHT, WIDTH * 2));
        assertEquals(List.of(), ColourBars.problems(bars(WIDTH * 2 + 64), WIDTH, HEIGHT, WIDTH * 2 + 64));
        assertEquals("179/161/130/111/83/64/34/15", ColourBars.lumaProfile(bars(WIDTH * 2), WIDTH));
    }

    @Test
    void textOverTheBarsInTheOsdRowsIsIgnored() {
        ByteBuffer image = bars(WIDTH * 2);
        for (int row = 16; row < ColourBars.FIRST_ROW_BELOW_TEXT; row++) {
            for (int x = 0; x < WIDTH / 2; x++) {
                image.put(row * WIDTH * 2 + 2 * x, (byte) 235);
            }
        }

        assertEquals(List.of(), ColourBars.problems(image, WIDTH, HEIGHT, WIDTH * 2));
    }

    @Test
    void aShiftedImageFails() {
        ByteBuffer image = bars(WIDTH * 2);
        ByteBuffer shifted = ByteBuffer.allocate(image.capacity());
        shifted.put(0, image, 40 * 2, image.capacity() - 40 * 2);

        List<String> problems = ColourBars.problems(shifted, WIDTH, HEIGHT, WIDTH * 2);

        assertTrue(problems.size() > 1, problems.toString());
    }

    @Test
    void aBlackFrameFailsAndNamesTheBar() {
        ByteBuffer image = ByteBuffer.allocate(WIDTH * HEIGHT * 2);
        for (int i = 0; i < image.capacity(); i += 2) {
            image.put(i, (byte) 16);
            image.put(i + 1, (byte) 128);
        }

        List<String> problems = ColourBars.problems(image, WIDTH, HEIGHT, WIDTH * 2);

        assertTrue(problems.get(0).startsWith("white bar at"), problems.get(0));
        assertTrue(problems.get(problems.size() - 1).startsWith("and "), problems.toString());
    }

    @Test
    void aWrongStrideFails() {
        ByteBuffer image = bars(WIDTH * 2 + 64);

        List<String> problems = ColourBars.problems(image, WIDTH, HEIGHT, WIDTH * 2);

        assertTrue(!problems.isEmpty());
    }

    @Test
    void tooSmallABufferIsReportedNotThrown() {
        List<String> problems = ColourBars.problems(ByteBuffer.allocate(100), WIDTH, HEIGHT, WIDTH * 2);

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("too few"), problems.get(0));
    }
}
