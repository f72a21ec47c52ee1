package io.kapture.synthetic.internal.paint;

/**
 * Luma only, one byte per pixel, limited range like the luma of the YUV formats.
 *
 * <p>Threading contract: one thread at a time.
 */
final class GreyCanvas extends PackedCanvas {

    GreyCanvas(int width, int height) {
        super(width, height, 1);
    }

    @Override
    void encode(byte[] line, int offset, int x, Colour colour) {
        line[offset] = (byte) colour.y();
    }
}
