package io.kapture.synthetic.internal.paint;

/**
 * The geometry of the per-frame drawings for one frame size: the code in the top-left corner, the decimal
 * sequence number below it, and the box that bounces around the frame. Every area it describes starts on an
 * even column and line and has even sides (where the frame allows), so 4:2:2 and 4:2:0 chroma pairs are never
 * split. It hands out plain coordinates rather than {@link Rect}s, so that painting a frame allocates nothing.
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

    /** Top line of the digits' black backing. */
    int digitsTop() {
        return digitsTop;
    }

    /** Width of the black backing of {@code digits} decimal digits, unclipped. */
    int digitsWidth(int digits) {
        return evenUp(digitScale + digits * (DigitFont.WIDTH + 1) * digitScale);
    }

    /** Height of the digits' black backing, unclipped. */
    int digitsHeight() {
        return evenUp((DigitFont.HEIGHT + 2) * digitScale);
    }

    /** Side of one font pixel in image pixels. */
    int digitScale() {
        return digitScale;
    }

    /** Left column of font pixel {@code column} of the {@code index}th digit. */
    int glyphX(int index, int column) {
        return digitScale + index * (DigitFont.WIDTH + 1) * digitScale + column * digitScale;
    }

    /** Top line of font pixel row {@code row}. */
    int glyphY(int row) {
        return digitsTop + digitScale + row * digitScale;
    }

    /** Side of the moving box. */
    int boxSize() {
        return boxSize;
    }

    /** Left column of the box of frame {@code sequence}: it moves by a few pixels per frame and bounces. */
    int boxX(long sequence) {
        return even(bounce(sequence * speedX, width - boxSize));
    }

    /** Top line of the box of frame {@code sequence}. */
    int boxY(long sequence) {
        return even(bounce(sequence * speedY, height - boxSize));
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
