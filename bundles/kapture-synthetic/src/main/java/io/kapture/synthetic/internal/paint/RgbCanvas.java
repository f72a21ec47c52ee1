package io.kapture.synthetic.internal.paint;

/**
 * Packed 8-bit RGB, in R, G, B order (RGB24) or B, G, R order (BGR24, the layout of a
 * {@code BufferedImage.TYPE_3BYTE_BGR} that the MJPEG painter encodes).
 *
 * <p>Threading contract: one thread at a time.
 */
final class RgbCanvas extends PackedCanvas {
    private final boolean bgr;

    RgbCanvas(int width, int height, boolean bgr) {
        super(width, height, 3);
        this.bgr = bgr;
    }

    @Override
    void encode(byte[] line, int offset, int x, Colour colour) {
        line[offset] = (byte) (bgr ? colour.b() : colour.r());
        line[offset + 1] = (byte) colour.g();
        line[offset + 2] = (byte) (bgr ? colour.r() : colour.b());
    }
}
