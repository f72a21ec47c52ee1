package io.kapture.synthetic.internal.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColourTest {

    /** BT.601 limited-range values of the 100% colour bars, as published (ITU-R BT.801 / EBU 100/0/100/0). */
    private static final int[][] BT601_BARS_YUV = {
        {235, 128, 128}, {210, 16, 146}, {170, 166, 16}, {145, 54, 34},
        {106, 202, 222}, {81, 90, 240}, {41, 240, 110}, {16, 128, 128},
    };

    @Test
    void barsHaveTheStandardLimitedRangeValues() {
        for (int i = 0; i < BT601_BARS_YUV.length; i++) {
            Colour bar = Colour.BARS[i];
            assertEquals(BT601_BARS_YUV[i][0], bar.y(), "Y of bar " + i);
            assertEquals(BT601_BARS_YUV[i][1], bar.u(), "Cb of bar " + i);
            assertEquals(BT601_BARS_YUV[i][2], bar.v(), "Cr of bar " + i);
        }
    }

    @Test
    void shiftMovesLumaAndRgbButKeepsChroma() {
        Colour shifted = Colour.BARS[1].shifted(30);
        assertEquals(240, shifted.y());
        assertEquals(255, shifted.r());
        assertEquals(30, shifted.b());
        assertEquals(16, shifted.u());
        assertEquals(146, shifted.v());
        assertEquals(0, Colour.BLACK.shifted(-100).r());
    }
}
