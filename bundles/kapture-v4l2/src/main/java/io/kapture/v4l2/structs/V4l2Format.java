package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;
import io.kapture.v4l2.V4l2;

/**
 * {@code struct v4l2_format}, for {@code VIDIOC_G_FMT}, {@code S_FMT} and {@code TRY_FMT}, with both views of its
 * union that capture uses: {@code pix} (single-planar) and {@code pix_mp} (multi-planar, packed). Width, height,
 * pixel format and field sit at the same offsets in both. The {@code fmt} union is 8-byte aligned on 64-bit
 * Linux because of the pointers in {@code v4l2_window}, hence the padding after {@code type}.
 *
 * <p>Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2Format extends NativeStruct {
    @AbiName("sizeof(struct v4l2_format)")
    public static final int SIZE = 208;
    @AbiName("offsetof(struct v4l2_format, type)")
    public static final int TYPE = 0;
    @AbiName("offsetof(struct v4l2_format, fmt.pix.width)")
    public static final int PIX_WIDTH = 8;
    @AbiName("offsetof(struct v4l2_format, fmt.pix.height)")
    public static final int PIX_HEIGHT = 12;
    @AbiName("offsetof(struct v4l2_format, fmt.pix.pixelformat)")
    public static final int PIX_PIXELFORMAT = 16;
    @AbiName("offsetof(struct v4l2_format, fmt.pix.field)")
    public static final int PIX_FIELD = 20;
    @AbiName("offsetof(struct v4l2_format, fmt.pix.bytesperline)")
    public static final int PIX_BYTESPERLINE = 24;
    @AbiName("offsetof(struct v4l2_format, fmt.pix.sizeimage)")
    public static final int PIX_SIZEIMAGE = 28;
    @AbiName("offsetof(struct v4l2_format, fmt.pix.colorspace)")
    public static final int PIX_COLORSPACE = 32;
    @AbiName("offsetof(struct v4l2_format, fmt.pix_mp.width)")
    public static final int MP_WIDTH = 8;
    @AbiName("offsetof(struct v4l2_format, fmt.pix_mp.height)")
    public static final int MP_HEIGHT = 12;
    @AbiName("offsetof(struct v4l2_format, fmt.pix_mp.pixelformat)")
    public static final int MP_PIXELFORMAT = 16;
    @AbiName("offsetof(struct v4l2_format, fmt.pix_mp.field)")
    public static final int MP_FIELD = 20;
    @AbiName("offsetof(struct v4l2_format, fmt.pix_mp.colorspace)")
    public static final int MP_COLORSPACE = 24;
    @AbiName("offsetof(struct v4l2_format, fmt.pix_mp.plane_fmt)")
    public static final int MP_PLANE_FMT = 28;
    @AbiName("sizeof(struct v4l2_plane_pix_format)")
    public static final int PLANE_PIX_FORMAT_SIZE = 20;
    @AbiName("offsetof(struct v4l2_plane_pix_format, sizeimage)")
    public static final int PLANE_SIZEIMAGE = 0;
    @AbiName("offsetof(struct v4l2_plane_pix_format, bytesperline)")
    public static final int PLANE_BYTESPERLINE = 4;
    @AbiName("offsetof(struct v4l2_format, fmt.pix_mp.num_planes)")
    public static final int MP_NUM_PLANES = 188;

    public V4l2Format() {
        super(SIZE);
    }

    private V4l2Format(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2Format at(Pointer pointer) {
        return new V4l2Format(pointer);
    }

    public int type() {
        return getInt(TYPE);
    }

    public void type(int value) {
        setInt(TYPE, value);
    }

    /** Whether {@link #type()} selects the {@code pix_mp} view. */
    public boolean isMultiPlanar() {
        return type() == V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE || type() == V4l2.BUF_TYPE_VIDEO_OUTPUT_MPLANE;
    }

    public int width() {
        return getInt(PIX_WIDTH);
    }

    public void width(int value) {
        setInt(PIX_WIDTH, value);
    }

    public int height() {
        return getInt(PIX_HEIGHT);
    }

    public void height(int value) {
        setInt(PIX_HEIGHT, value);
    }

    public int pixelFormat() {
        return getInt(PIX_PIXELFORMAT);
    }

    public void pixelFormat(int value) {
        setInt(PIX_PIXELFORMAT, value);
    }

    public int field() {
        return getInt(PIX_FIELD);
    }

    public void field(int value) {
        setInt(PIX_FIELD, value);
    }

    /** Bytes per line of the (first) plane, from whichever view {@link #type()} selects. */
    public int bytesPerLine() {
        return isMultiPlanar() ? planeBytesPerLine(0) : getInt(PIX_BYTESPERLINE);
    }

    /** Bytes of a whole image: the single plane's size, or all planes' sizes added up. */
    public int sizeImage() {
        if (!isMultiPlanar()) {
            return getInt(PIX_SIZEIMAGE);
        }
        int total = 0;
        for (int plane = 0; plane < numPlanes(); plane++) {
            total += planeSizeImage(plane);
        }
        return total;
    }

    /** Sets bytes per line and image size of the single-planar view. */
    public void pix(int bytesPerLine, int sizeImage) {
        setInt(PIX_BYTESPERLINE, bytesPerLine);
        setInt(PIX_SIZEIMAGE, sizeImage);
    }

    public int colorspace() {
        return getInt(isMultiPlanar() ? MP_COLORSPACE : PIX_COLORSPACE);
    }

    /** Planes of the multi-planar view; 1 for the single-planar one. */
    public int numPlanes() {
        return isMultiPlanar() ? getUnsignedByte(MP_NUM_PLANES) : 1;
    }

    public void numPlanes(int value) {
        setByte(MP_NUM_PLANES, value);
    }

    public int planeBytesPerLine(int plane) {
        return getInt(planeOffset(plane) + PLANE_BYTESPERLINE);
    }

    public int planeSizeImage(int plane) {
        return getInt(planeOffset(plane) + PLANE_SIZEIMAGE);
    }

    /** Sets one plane of the multi-planar view. */
    public void plane(int plane, int bytesPerLine, int sizeImage) {
        setInt(planeOffset(plane) + PLANE_BYTESPERLINE, bytesPerLine);
        setInt(planeOffset(plane) + PLANE_SIZEIMAGE, sizeImage);
    }

    private static int planeOffset(int plane) {
        if (plane < 0 || plane >= V4l2.VIDEO_MAX_PLANES) {
            throw new IndexOutOfBoundsException("plane " + plane + " of " + V4l2.VIDEO_MAX_PLANES);
        }
        return MP_PLANE_FMT + plane * PLANE_PIX_FORMAT_SIZE;
    }
}
