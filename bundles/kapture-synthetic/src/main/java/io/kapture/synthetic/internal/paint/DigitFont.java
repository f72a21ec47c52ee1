package io.kapture.synthetic.internal.paint;

/**
 * A 5x7 pixel font of the decimal digits, for the human-readable sequence number.
 *
 * <p>Immutable; safe from any thread.
 */
final class DigitFont {
    /** Glyph width in font pixels. */
    static final int WIDTH = 5;
    /** Glyph height in font pixels. */
    static final int HEIGHT = 7;

    /** Per digit, seven rows of five bits, the leftmost pixel in bit 4. */
    private static final int[][] GLYPHS = {
        {0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110},
        {0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110},
        {0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111},
        {0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110},
        {0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010},
        {0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110},
        {0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110},
        {0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000},
        {0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110},
        {0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100},
    };

    private DigitFont() {
    }

    /** Whether font pixel ({@code column}, {@code row}) of {@code digit} is lit. */
    static boolean lit(int digit, int column, int row) {
        return (GLYPHS[digit][row] >>> (WIDTH - 1 - column) & 1) != 0;
    }
}
