package io.kapture.api;

import java.util.Locale;

/**
 * Pixel formats Kapture understands, each with its V4L2 fourcc code ({@code v4l2_fourcc(a, b, c, d)}).
 *
 * <p>Immutable; safe from any thread.
 */
public enum PixelFormat {
    /** Packed 4:2:2, Y0 U Y1 V: two bytes per pixel. */
    YUYV('Y', 'U', 'Y', 'V', 16, false),
    /** Packed 4:2:2, U Y0 V Y1: two bytes per pixel. */
    UYVY('U', 'Y', 'V', 'Y', 16, false),
    /** Planar 4:2:0: a luma plane, then one plane of interleaved Cb/Cr at half resolution. */
    NV12('N', 'V', '1', '2', 12, false),
    /** Planar 4:2:0 (I420): luma, then Cb, then Cr, each chroma plane at half resolution. */
    YU12('Y', 'U', '1', '2', 12, false),
    /** Planar 4:2:0: a luma plane, then one plane of interleaved Cr/Cb at half resolution (NV12, Cr first). */
    NV21('N', 'V', '2', '1', 12, false),
    /** Planar 4:2:0 (YVU420): luma, then Cr, then Cb, each chroma plane at half resolution (YU12, Cr first). */
    YV12('Y', 'V', '1', '2', 12, false),
    /** Planar 4:2:2: a luma plane, then one plane of interleaved Cb/Cr at half width and full height. */
    NV16('N', 'V', '1', '6', 16, false),
    /** Packed R, G, B: three bytes per pixel. */
    RGB24('R', 'G', 'B', '3', 24, false),
    /** Packed B, G, R: three bytes per pixel. */
    BGR24('B', 'G', 'R', '3', 24, false),
    /** Luma only: one byte per pixel. */
    GREY('G', 'R', 'E', 'Y', 8, false),
    /** Motion JPEG: every frame a complete JPEG image. */
    MJPEG('M', 'J', 'P', 'G', 0, true),
    /** H.264 elementary stream. */
    H264('H', '2', '6', '4', 0, true);

    private final int fourcc;
    private final int bitsPerPixel;
    private final boolean compressed;

    PixelFormat(char a, char b, char c, char d, int bitsPerPixel, boolean compressed) {
        this.fourcc = fourcc(a, b, c, d);
        this.bitsPerPixel = bitsPerPixel;
        this.compressed = compressed;
    }

    /** The V4L2 fourcc code, as {@code v4l2_fourcc()} computes it. */
    public int fourcc() {
        return fourcc;
    }

    /** The four characters of the code, for example {@code "YUYV"} or {@code "MJPG"}. */
    public String fourccString() {
        return fourccString(fourcc);
    }

    /** Whether frames are compressed and vary in size, so bytes used is less than the image size. */
    public boolean isCompressed() {
        return compressed;
    }

    /** Average bits per pixel of an uncompressed format; 0 for a compressed one. */
    public int bitsPerPixel() {
        return bitsPerPixel;
    }

    /**
     * Whether the image is a luma plane followed by chroma: NV12, NV21 and NV16 (one plane of interleaved Cb/Cr
     * pairs), YU12 and YV12 (a Cb and a Cr plane). The chroma methods below describe these formats only.
     */
    public boolean isPlanar() {
        return switch (this) {
            case NV12, NV21, NV16, YU12, YV12 -> true;
            default -> false;
        };
    }

    /** Whether Cb and Cr share one chroma plane, interleaved pair by pair (NV12, NV21, NV16). */
    public boolean hasInterleavedChroma() {
        return this == NV12 || this == NV21 || this == NV16;
    }

    /** Whether Cb comes before Cr: in each interleaved pair (NV12, NV16) or in plane order (YU12). */
    public boolean isCbFirst() {
        return this == NV12 || this == NV16 || this == YU12;
    }

    /** Chroma lines of a planar image {@code height} lines high: one per luma line (NV16), else one per two. */
    public int chromaLines(int height) {
        return this == NV16 ? height : (height + 1) / 2;
    }

    /** The chroma line of a planar image that luma line {@code lumaLine} takes its colour from. */
    public int chromaLineOf(int lumaLine) {
        return this == NV16 ? lumaLine : lumaLine >> 1;
    }

    /**
     * Bytes from one chroma line to the next in V4L2's single-plane layout, for luma lines {@code lumaStride}
     * bytes apart: the same for interleaved chroma, half for separate Cb and Cr planes.
     */
    public int chromaStride(int lumaStride) {
        return hasInterleavedChroma() ? lumaStride : lumaStride / 2;
    }

    /** Bytes of the first plane's line for an unpadded image of this width; 0 for compressed formats. */
    public int minBytesPerLine(int width) {
        return switch (this) {
            case NV12, YU12, NV21, YV12, NV16, GREY -> width;
            case YUYV, UYVY -> width * 2;
            case RGB24, BGR24 -> width * 3;
            case MJPEG, H264 -> 0;
        };
    }

    /**
     * Bytes of a whole unpadded image. For compressed formats this is the buffer size Kapture asks for: two
     * bytes per pixel, more than a JPEG or H.264 frame of any but the tiniest sizes needs; a source may report a
     * larger {@link FrameFormat#imageSize()} (headers alone take some hundred bytes).
     */
    public int minImageSize(int width, int height) {
        long size = switch (this) {
            // chroma covers odd sizes with a rounded-up half line of Cb and one of Cr per chroma line
            case NV12, YU12, NV21, YV12, NV16 -> (long) width * height + 2L * ((width + 1) / 2) * chromaLines(height);
            case MJPEG, H264 -> 2L * width * height;
            default -> (long) width * height * bitsPerPixel / 8;
        };
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " " + this + " is too large");
        }
        return (int) size;
    }

    /** The format with this V4L2 fourcc code. */
    public static PixelFormat ofFourcc(int fourcc) {
        for (PixelFormat format : values()) {
            if (format.fourcc == fourcc) {
                return format;
            }
        }
        throw new IllegalArgumentException("unsupported pixel format " + fourccString(fourcc)
                + "; supported: " + supportedNames());
    }

    /**
     * The format with this name or fourcc, ignoring case: {@code "yuyv"}, {@code "MJPG"} and {@code "mjpeg"}
     * all work. The exception names the supported formats.
     */
    public static PixelFormat parse(String name) {
        if (name != null) {
            String wanted = name.trim().toUpperCase(Locale.ROOT);
            for (PixelFormat format : values()) {
                if (format.name().equals(wanted) || format.fourccString().equals(wanted)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("unknown pixel format '" + name + "'; supported: " + supportedNames());
    }

    /** Builds a fourcc code the way the kernel's {@code v4l2_fourcc} macro does. */
    public static int fourcc(char a, char b, char c, char d) {
        return (a & 0xff) | (b & 0xff) << 8 | (c & 0xff) << 16 | (d & 0xff) << 24;
    }

    /** The four characters of any fourcc code, known to Kapture or not. */
    public static String fourccString(int fourcc) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) (fourcc >>> (8 * i) & 0xff);
        }
        return new String(chars);
    }

    private static String supportedNames() {
        StringBuilder names = new StringBuilder();
        for (PixelFormat format : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(format.name());
        }
        return names.toString();
    }
}
