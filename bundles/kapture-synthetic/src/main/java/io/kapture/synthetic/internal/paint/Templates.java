package io.kapture.synthetic.internal.paint;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Paints the static background of a pattern (bars, grey, noise) with the brightness control applied. Frames are
 * this template plus the per-frame drawings; the template is repainted only when a control changes.
 *
 * <p>Stateless; each call uses the given canvas, so the canvas's threading contract applies.
 */
final class Templates {
    /** Side of a noise cell: even, so chroma pairs are never split. */
    private static final int NOISE_CELL = 4;
    /** A fixed seed: the same noise in every template, so dirty-region repaints match full paints. */
    private static final long NOISE_SEED = 0x5EED_CAFEL;
    private static final int BRIGHTNESS_NEUTRAL = 128;

    private Templates() {
    }

    /** A new direct buffer holding the background of {@code pattern} at {@code brightness} (0..255). */
    static ByteBuffer paint(Canvas canvas, Pattern pattern, int brightness) {
        ByteBuffer template = ByteBuffer.allocateDirect(canvas.imageSize());
        int delta = brightness - BRIGHTNESS_NEUTRAL;
        int width = canvas.width();
        int height = canvas.height();
        if (pattern.hasBars()) {
            int bars = Colour.BARS.length;
            for (int i = 0; i < bars; i++) {
                int left = width * i / bars & ~1;
                int right = i == bars - 1 ? width : width * (i + 1) / bars & ~1;
                canvas.fill(template, new Rect(left, 0, right - left, height), Colour.BARS[i].shifted(delta));
            }
        } else if (pattern == Pattern.NOISE) {
            SplittableRandom random = new SplittableRandom(NOISE_SEED);
            for (int y = 0; y < height; y += NOISE_CELL) {
                for (int x = 0; x < width; x += NOISE_CELL) {
                    Colour colour = Colour.ofRgb(random.nextInt(256), random.nextInt(256), random.nextInt(256));
                    canvas.fill(template, new Rect(x, y, NOISE_CELL, NOISE_CELL), colour.shifted(delta));
                }
            }
        } else {
            canvas.fill(template, new Rect(0, 0, width, height), Colour.BACKGROUND.shifted(delta));
        }
        return template;
    }
}
