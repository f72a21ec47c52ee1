package io.kapture.api;

/**
 * The geometry and encoding of a frame: size, pixel format, bytes per line of the first plane and the size of
 * a whole image, as the driver reports them (a driver may pad lines, so use these rather than recomputing).
 *
 * <p>Immutable; safe from any thread.
 *
 * @param width       pixels per line, at least 1
 * @param height      lines, at least 1
 * @param pixelFormat the encoding
 * @param bytesPerLine bytes of one line of the first plane including padding; 0 for compressed formats
 * @param imageSize   bytes of a whole image (the largest a compressed frame may be)
 */
public record FrameFormat(int width, int height, PixelFormat pixelFormat, int bytesPerLine, int imageSize) {

    /** The largest width or height Kapture accepts. */
    public static final int MAX_DIMENSION = 16384;

    public FrameFormat {
        if (width < 1 || width > MAX_DIMENSION) {
            throw new IllegalArgumentException("width must be between 1 and " + MAX_DIMENSION + ", was " + width);
        }
        if (height < 1 || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("height must be between 1 and " + MAX_DIMENSION + ", was " + height);
        }
        if (pixelFormat == null) {
            throw new IllegalArgumentException("pixel format must be set");
        }
        if (bytesPerLine < 0) {
            throw new IllegalArgumentException("bytes per line must not be negative, was " + bytesPerLine);
        }
        if (imageSize < 1) {
            throw new IllegalArgumentException("image size must be positive, was " + imageSize);
        }
    }

    /** An unpadded format: lines exactly as long as the pixel format needs. */
    public static FrameFormat of(int width, int height, PixelFormat pixelFormat) {
        if (pixelFormat == null) {
            throw new IllegalArgumentException("pixel format must be set");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be positive, were " + width + "x" + height);
        }
        return new FrameFormat(width, height, pixelFormat, pixelFormat.minBytesPerLine(width),
                pixelFormat.minImageSize(width, height));
    }

    @Override
    public String toString() {
        return width + "x" + height + " " + pixelFormat;
    }
}
