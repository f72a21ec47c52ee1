package io.kapture.convert.internal.jpeg;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

import io.kapture.convert.internal.RawLayout;

/**
 * A JPEG encoder and decoder: libjpeg-turbo ({@link TurboJpeg}) or javax.imageio ({@link ImageIoJpeg}). Both give
 * the same images within JPEG's losses: uncompressed frames decode to the RGB that {@code PixelConversion} computes,
 * colour is encoded with 4:2:0 chroma (javax.imageio's default), grey as one component, and a quality means the same
 * IJG quality scale in both. {@link JpegEngine} chooses the one everybody uses.
 *
 * <p>Implementations are thread-safe; inputs must not change during a call and results never refer to them.
 */
public interface JpegCodec {

    /** The engine's name for logs and benchmarks: {@code libjpeg-turbo} or {@code javax.imageio}. */
    String name();

    /**
     * Encodes an uncompressed image straight from its samples.
     *
     * @param src     the image, read at the layout's positions; left unchanged
     * @param quality 0.0 to 1.0, already checked
     */
    byte[] encode(ByteBuffer src, RawLayout layout, float quality);

    /**
     * Encodes an image; an alpha channel is dropped (composited onto black).
     *
     * @param quality 0.0 to 1.0, already checked
     */
    byte[] encode(BufferedImage image, float quality);

    /**
     * Decodes the JPEG between {@code jpeg}'s position and limit (left unchanged) into a new image.
     *
     * @throws IllegalArgumentException if the data cannot be decoded as JPEG, with the decoder's reason
     */
    BufferedImage decode(ByteBuffer jpeg);

    /**
     * Decodes the JPEG between {@code jpeg}'s position and limit (left unchanged) into {@code out}, lines unpadded.
     *
     * @param out at least width x height x {@link DecodeTarget#bytesPerPixel()} bytes, already checked
     * @throws IllegalArgumentException if the data cannot be decoded or the JPEG is not {@code width} x {@code height}
     */
    void decode(ByteBuffer jpeg, int width, int height, DecodeTarget target, byte[] out);

    /** Releases any native resources now; the codec stays usable and acquires them again when needed. */
    void close();
}
