package io.kapture.synthetic.internal.paint;

/**
 * The geometry of the per-frame drawings for one frame size: the code in the top-left corner, the decimal
 * sequence number below it, and the box that bounces around the frame. Every rectangle it returns starts on an
 * even column and line and has even sides (where the frame allows), so 4:2:2 and 4:2:0 chroma pairs are never
 * split.
 *
 * <p>Immutable; safe from any thread.
 */
final class Scene {
    private final int width;
    private final int height;
    private final CodeLayout code;
    private final int digitScale;
    private final int digitsTop;
    private final int boxSize;
    private final int speedX;
    private final int speedY;

    Scene(int width, int height) {
        this.width = width;
        this.height = height;
        this.code = CodeLayout.of(width, height);
        this.digitScale = Math.max(1, height / 160);
        this.digitsTop = even(code.height() + code.blockSize());
        this.boxSize = Math.max(2, even(Math.min(width, height) / 6));
        this.speedX = Math.max(2, even(width / 160));
        this.speedY = Math.max(2, even(height / 120));
    }

    CodeLayout code() {
        return code;
    }

    /** The black backing of {@code digits} decimal digits, unclipped. */
    Rect digitsArea(int digits) {
        int s = digitScale;
        return new Rect(0, digitsTop, evenUp(s + digits * (DigitFont.WIDTH + 1) * s),
                evenUp((DigitFont.HEIGHT + 2) * s));
    }

    /** Top-left corner of the glyph of the {@code index}th digit, as a font-pixel-sized rectangle. */
    Rect glyphPixel(int index, int column, int row) {
        int s = digitScale;
        return new Rect(s + index * (DigitFont.WIDTH + 1) * s + column * s, digitsTop + s + row * s, s, s);
    }

    /** The box of frame {@code sequence}: it moves by a few pixels per frame and bounces off the edges. */
    Rect boxAt(long sequence) {
        int x = even(bounce(sequence * speedX, width - boxSize));
        int y = even(bounce(sequence * speedY, height - boxSize));
        return new Rect(x, y, boxSize, boxSize);
    }

    private static int bounce(long travelled, int range) {
        if (range <= 0) {
            return 0;
        }
        long period = 2L * range;
        int offset = (int) Math.floorMod(travelled, period);
        return offset <= range ? offset : (int) (period - offset);
    }

    private static int even(int value) {
        return value & ~1;
    }

    private static int evenUp(int value) {
        return value + 1 & ~1;
    }
}
