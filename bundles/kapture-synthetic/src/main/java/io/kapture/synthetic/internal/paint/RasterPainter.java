package io.kapture.synthetic.internal.paint;

import java.nio.ByteBuffer;

/**
 * Paints uncompressed frames without repainting them whole: an image that was last painted from the current
 * template only gets its previous box and digits restored from the template, then the new box, code and
 * digits drawn. An image painted from an older template (or never) gets the whole template copied first. Both
 * paths give the same bytes as painting the frame from scratch.
 *
 * <p>The code blocks are opaque and cover the same area in every frame, so they need no restoring; drawing
 * order box, code, digits keeps the code and digits readable where the box passes.
 *
 * <p>Threading contract: one thread at a time.
 */
public final class RasterPainter implements FramePainter {
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
            restore(target, dirty.box);
            restore(target, dirty.digits);
        }
        dirty.box = null;
        if (box) {
            dirty.box = scene.boxAt(sequence).clip(canvas.width(), canvas.height());
            canvas.fill(target, dirty.box, Colour.BOX);
        }
        drawCode(target, sequence);
        dirty.digits = drawDigits(target, sequence);
        return canvas.imageSize();
    }

    @Override
    public void close() {
        template = null;
    }

    private void restore(ByteBuffer target, Rect area) {
        if (area != null) {
            canvas.copy(template, target, area);
        }
    }

    private void drawCode(ByteBuffer target, long sequence) {
        CodeLayout code = scene.code();
        long word = CodeLayout.encode(sequence);
        for (int bit = 0; bit < CodeLayout.BITS; bit++) {
            boolean one = (word >>> (CodeLayout.BITS - 1 - bit) & 1) != 0;
            canvas.fill(target, code.block(bit), one ? Colour.WHITE : Colour.BLACK);
        }
    }

    private Rect drawDigits(ByteBuffer target, long sequence) {
        String digits = Long.toString(sequence & 0xFFFF_FFFFL);
        Rect area = scene.digitsArea(digits.length()).clip(canvas.width(), canvas.height());
        canvas.fill(target, area, Colour.BLACK);
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            for (int row = 0; row < DigitFont.HEIGHT; row++) {
                for (int column = 0; column < DigitFont.WIDTH; column++) {
                    if (DigitFont.lit(digit, column, row)) {
                        canvas.fill(target, scene.glyphPixel(i, column, row), Colour.WHITE);
                    }
                }
            }
        }
        return area;
    }
}
