package io.kapture.synthetic.internal.paint;

import java.nio.ByteBuffer;

/**
 * Paints uncompressed frames without repainting them whole: an image that was last painted from the current
 * template only gets its previous box and digits restored from the template, then the new box, code and
 * digits drawn. An image painted from an older template (or never) gets the whole template copied first. Both
 * paths give the same bytes as painting the frame from scratch.
 *
 * <p>The code blocks are opaque and cover the same area in every frame, so they need no restoring; drawing
 * order box, code, digits keeps the code and digits readable where the box passes. Painting a frame allocates
 * nothing: areas are plain coordinates and the digits are computed, not formatted.
 *
 * <p>Threading contract: one thread at a time.
 */
public final class RasterPainter implements FramePainter {
    /** 10^0 to 10^9: a 32-bit sequence number has at most ten decimal digits. */
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
    };

    private final Canvas canvas;
    private final Scene scene;
    private ByteBuffer template;
    private boolean box;
    private long generation;

    public RasterPainter(Canvas canvas) {
        this.canvas = canvas;
        this.scene = new Scene(canvas.width(), canvas.height());
    }

    @Override
    public void retemplate(Pattern pattern, int brightness) {
        template = Templates.paint(canvas, pattern, brightness);
        box = pattern.hasBox();
        generation++;
    }

    @Override
    public int paint(ByteBuffer target, DirtyRegions dirty, long sequence) {
        if (template == null) {
            throw new IllegalStateException("the painter has no template: it is closed or retemplate was never called");
        }
        if (dirty.templateGeneration != generation) {
            canvas.copyAll(template, target);
            dirty.templateGeneration = generation;
        } else {
            canvas.copy(template, target, dirty.boxX, dirty.boxY, dirty.boxSize, dirty.boxSize);
            canvas.copy(template, target, 0, scene.digitsTop(), dirty.digitsWidth, dirty.digitsHeight);
        }
        dirty.boxSize = 0;
        if (box) {
            dirty.boxX = scene.boxX(sequence);
            dirty.boxY = scene.boxY(sequence);
            dirty.boxSize = scene.boxSize();
            canvas.fill(target, dirty.boxX, dirty.boxY, dirty.boxSize, dirty.boxSize, Colour.BOX);
        }
        drawCode(target, sequence);
        drawDigits(target, dirty, sequence);
        return canvas.imageSize();
    }

    @Override
    public void close() {
        template = null;
    }

    private void drawCode(ByteBuffer target, long sequence) {
        CodeLayout code = scene.code();
        long word = CodeLayout.encode(sequence);
        for (int bit = 0; bit < CodeLayout.BITS; bit++) {
            boolean one = (word >>> (CodeLayout.BITS - 1 - bit) & 1) != 0;
            canvas.fill(target, code.block(bit), one ? Colour.WHITE : Colour.BLACK);
        }
    }

    /** Draws the sequence number's low 32 bits in decimal, without making a string of it. */
    private void drawDigits(ByteBuffer target, DirtyRegions dirty, long sequence) {
        long value = sequence & 0xFFFF_FFFFL;
        int digits = 1;
        while (digits < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        dirty.digitsWidth = scene.digitsWidth(digits);
        dirty.digitsHeight = scene.digitsHeight();
        canvas.fill(target, 0, scene.digitsTop(), dirty.digitsWidth, dirty.digitsHeight, Colour.BLACK);
        int scale = scene.digitScale();
        for (int i = 0; i < digits; i++) {
            int digit = (int) (value / POWERS_OF_TEN[digits - 1 - i] % 10);
            for (int row = 0; row < DigitFont.HEIGHT; row++) {
                for (int column = 0; column < DigitFont.WIDTH; column++) {
                    if (DigitFont.lit(digit, column, row)) {
                        canvas.fill(target, scene.glyphX(i, column), scene.glyphY(row), scale, scale, Colour.WHITE);
                    }
                }
            }
        }
    }
}
