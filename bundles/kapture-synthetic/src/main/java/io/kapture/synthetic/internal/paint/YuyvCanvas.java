package io.kapture.synthetic.internal.paint;

/**
 * Packed 4:2:2 Y0 U Y1 V: each pixel has its luma and, by its column's parity, the pair's Cb or Cr.
 *
 * <p>Threading contract: one thread at a time.
 */
final class YuyvCanvas extends PackedCanvas {

    YuyvCanvas(int width, int height) {
        super(width, height, 2);
    }

    @Override
    void encode(byte[] line, int offset, int x, Colour colour) {
        line[offset] = (byte) colour.y();
        line[offset + 1] = (byte) ((x & 1) == 0 ? colour.u() : colour.v());
    }
}
