package io.kapture.synthetic.internal.paint;

/**
 * What a painter last drew into one image beyond the template: the areas to restore from the template before
 * the next frame is drawn, and which template the image was made from. Plain coordinates, rewritten in place
 * every frame, so that keeping track allocates nothing.
 *
 * <p>Threading contract: belongs to one image and is used by whoever paints it, one thread at a time; a
 * fresh instance means "nothing known", which makes the next paint copy the whole template.
 */
public final class DirtyRegions {
    long templateGeneration = -1;
    /** The box drawn last, unclipped; width 0 when there was none. */
    int boxX;
    int boxY;
    int boxSize;
    /** The digits' black backing drawn last, at column 0 and the scene's digits top; width 0 when none. */
    int digitsWidth;
    int digitsHeight;
}
