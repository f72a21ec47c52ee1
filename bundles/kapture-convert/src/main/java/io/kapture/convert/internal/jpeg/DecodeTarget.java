package io.kapture.convert.internal.jpeg;

/**
 * What a JPEG is decoded into by {@link JpegCodec#decode(java.nio.ByteBuffer, int, int, DecodeTarget, byte[])}:
 * packed R, G, B or B, G, R, or one video-range luma byte per pixel (16..235, as YUV cameras give it, so thresholds
 * mean the same for MJPEG and YUYV cameras).
 *
 * <p>Immutable; safe from any thread.
 */
public enum DecodeTarget {
    RGB(3), BGR(3), LUMA(1);

    private final int bytesPerPixel;

    DecodeTarget(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    public int bytesPerPixel() {
        return bytesPerPixel;
    }
}
