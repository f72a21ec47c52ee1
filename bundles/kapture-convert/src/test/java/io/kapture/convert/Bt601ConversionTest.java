package io.kapture.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/** The colour arithmetic: BT.601 limited range, checked against named values and the standard's definitions. */
class Bt601ConversionTest {

    @Test
    void videoWhiteBecomesFullWhite() {
        assertArrayEquals(new int[] { 255, 255, 255 }, rgbOf(235, 128, 128));
    }

    @Test
    void videoBlackBecomesFullBlack() {
        assertArrayEquals(new int[] { 0, 0, 0 }, rgbOf(16, 128, 128));
    }

    @Test
    void samplesOutsideVideoRangeClampInsteadOfWrapping() {
        assertArrayEquals(new int[] { 0, 0, 0 }, rgbOf(0, 128, 128));
        assertArrayEquals(new int[] { 255, 255, 255 }, rgbOf(255, 128, 128));
        int[] saturatedRed = rgbOf(235, 128, 255);
        assertEquals(255, saturatedRed[0]);
        assertEquals(0, rgbOf(16, 255, 16)[0]);
    }

    /** The 75% colour bars in 8-bit BT.601 (EBU / SMPTE 75% bars), each within 2 of 191 or 0. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "white,   180, 128, 128, 191, 191, 191",
            "yellow,  162,  44, 142, 191, 191,   0",
            "cyan,    131, 156,  44,   0, 191, 191",
            "green,   112,  72,  58,   0, 191,   0",
            "magenta,  84, 184, 198, 191,   0, 191",
            "red,      65, 100, 212, 191,   0,   0",
            "blue,     35, 212, 114,   0,   0, 191",
            "black,    16, 128, 128,   0,   0,   0" })
    void colourBarsAt75PercentConvertToTheirRgb(String bar, int y, int cb, int cr, int r, int g, int b) {
        int[] rgb = rgbOf(y, cb, cr);
        int[] expected = { r, g, b };
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(rgb[c] - expected[c]) <= 2,
                    bar + " channel " + c + ": expected " + expected[c] + " +-2, got " + rgb[c]);
        }
    }

    /** All 16.7 million Y, Cb, Cr triples against the floating-point definition, within rounding (1). */
    @Test
    void everyTripleMatchesTheDefinitionWithinOne() {
        FrameFormat format = FrameFormat.of(512, 256, PixelFormat.YUYV);
        byte[] yuyv = new byte[format.imageSize()];
        byte[] rgb = new byte[PixelConversion.rgbSize(format)];
        int worst = 0;
        for (int y = 0; y < 256; y++) {
            for (int cr = 0; cr < 256; cr++) {
                for (int cb = 0; cb < 256; cb++) {
                    int p = cr * 1024 + cb * 4;
                    yuyv[p] = (byte) y;
                    yuyv[p + 1] = (byte) cb;
                    yuyv[p + 2] = (byte) y;
                    yuyv[p + 3] = (byte) cr;
                }
            }
            PixelConversion.toRgb(ByteBuffer.wrap(yuyv), format, rgb);
            for (int cr = 0; cr < 256; cr++) {
                for (int cb = 0; cb < 256; cb++) {
                    int[] expected = Bt601Reference.rgb(y, cb, cr);
                    int pixel = (cr * 512 + cb * 2) * 3;
                    for (int c = 0; c < 3; c++) {
                        worst = Math.max(worst, Math.abs((rgb[pixel + c] & 0xff) - expected[c]));
                        worst = Math.max(worst, Math.abs((rgb[pixel + 3 + c] & 0xff) - expected[c]));
                    }
                }
            }
        }
        assertTrue(worst <= 1, "largest difference from the BT.601 definition was " + worst);
    }

    /** The rounded coefficients everybody quotes: R = 1.164(Y-16) + 1.596(Cr-128) and so on. */
    @Test
    void matchesThePublishedCoefficients() {
        for (int y = 16; y <= 235; y += 7) {
            for (int cb = 16; cb <= 240; cb += 8) {
                for (int cr = 16; cr <= 240; cr += 8) {
                    double luma = 1.164 * (y - 16);
                    int[] expected = {
                            clamp(luma + 1.596 * (cr - 128)),
                            clamp(luma - 0.392 * (cb - 128) - 0.813 * (cr - 128)),
                            clamp(luma + 2.017 * (cb - 128)) };
                    int[] rgb = rgbOf(y, cb, cr);
                    for (int c = 0; c < 3; c++) {
                        assertTrue(Math.abs(rgb[c] - expected[c]) <= 1, "Y=" + y + " Cb=" + cb + " Cr=" + cr
                                + " channel " + c + ": expected " + expected[c] + ", got " + rgb[c]);
                    }
                }
            }
        }
    }

    /** RGB frames' luma is BT.601 in video range, the scale YUV frames carry: the 100% bars' Y values. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "white, 255, 255, 255, 235",
            "black,   0,   0,   0,  16",
            "red,   255,   0,   0,  81",
            "green,   0, 255,   0, 145",
            "blue,    0,   0, 255,  41",
            "grey,  128, 128, 128, 126" })
    void rgbLumaIsBt601VideoRange(String colour, int r, int g, int b, int expectedLuma) {
        FrameFormat format = FrameFormat.of(1, 1, PixelFormat.RGB24);
        byte[] luma = new byte[1];
        PixelConversion.toLuma(ByteBuffer.wrap(new byte[] { (byte) r, (byte) g, (byte) b }), format, luma);
        assertEquals(expectedLuma, luma[0] & 0xff, colour);
        assertEquals(Bt601Reference.luma(r, g, b), luma[0] & 0xff, colour + " against the definition");
    }

    private static int[] rgbOf(int y, int cb, int cr) {
        FrameFormat format = FrameFormat.of(2, 1, PixelFormat.YUYV);
        byte[] rgb = new byte[6];
        PixelConversion.toRgb(ByteBuffer.wrap(new byte[] { (byte) y, (byte) cb, (byte) y, (byte) cr }), format, rgb);
        return new int[] { rgb[0] & 0xff, rgb[1] & 0xff, rgb[2] & 0xff };
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
