package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_frmsizeenum}, for {@code VIDIOC_ENUM_FRAMESIZES}: a discrete size or, for stepwise and
 * continuous types, a range (the union's two views share offsets). Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2FrmSizeEnum extends NativeStruct {
    @AbiName("sizeof(struct v4l2_frmsizeenum)")
    public static final int SIZE = 44;
    @AbiName("offsetof(struct v4l2_frmsizeenum, index)")
    public static final int INDEX = 0;
    @AbiName("offsetof(struct v4l2_frmsizeenum, pixel_format)")
    public static final int PIXEL_FORMAT = 4;
    @AbiName("offsetof(struct v4l2_frmsizeenum, type)")
    public static final int TYPE = 8;
    @AbiName("offsetof(struct v4l2_frmsizeenum, discrete.width)")
    public static final int DISCRETE_WIDTH = 12;
    @AbiName("offsetof(struct v4l2_frmsizeenum, discrete.height)")
    public static final int DISCRETE_HEIGHT = 16;
    @AbiName("offsetof(struct v4l2_frmsizeenum, stepwise.min_width)")
    public static final int MIN_WIDTH = 12;
    @AbiName("offsetof(struct v4l2_frmsizeenum, stepwise.max_width)")
    public static final int MAX_WIDTH = 16;
    @AbiName("offsetof(struct v4l2_frmsizeenum, stepwise.step_width)")
    public static final int STEP_WIDTH = 20;
    @AbiName("offsetof(struct v4l2_frmsizeenum, stepwise.min_height)")
    public static final int MIN_HEIGHT = 24;
    @AbiName("offsetof(struct v4l2_frmsizeenum, stepwise.max_height)")
    public static final int MAX_HEIGHT = 28;
    @AbiName("offsetof(struct v4l2_frmsizeenum, stepwise.step_height)")
    public static final int STEP_HEIGHT = 32;

    public V4l2FrmSizeEnum() {
        super(SIZE);
    }

    private V4l2FrmSizeEnum(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2FrmSizeEnum at(Pointer pointer) {
        return new V4l2FrmSizeEnum(pointer);
    }

    public int index() {
        return getInt(INDEX);
    }

    public void index(int value) {
        setInt(INDEX, value);
    }

    public int pixelFormat() {
        return getInt(PIXEL_FORMAT);
    }

    public void pixelFormat(int value) {
        setInt(PIXEL_FORMAT, value);
    }

    public int type() {
        return getInt(TYPE);
    }

    public void type(int value) {
        setInt(TYPE, value);
    }

    /** The discrete width, or the smallest width of a range. */
    public int width() {
        return getInt(DISCRETE_WIDTH);
    }

    /** The discrete height; for a range this is its largest width (union), use {@link #maxWidth()} etc. */
    public int height() {
        return getInt(DISCRETE_HEIGHT);
    }

    public void discrete(int width, int height) {
        setInt(DISCRETE_WIDTH, width);
        setInt(DISCRETE_HEIGHT, height);
    }

    public int minWidth() {
        return getInt(MIN_WIDTH);
    }

    public int maxWidth() {
        return getInt(MAX_WIDTH);
    }

    public int stepWidth() {
        return getInt(STEP_WIDTH);
    }

    public int minHeight() {
        return getInt(MIN_HEIGHT);
    }

    public int maxHeight() {
        return getInt(MAX_HEIGHT);
    }

    public int stepHeight() {
        return getInt(STEP_HEIGHT);
    }

    public void stepwise(int minWidth, int maxWidth, int stepWidth, int minHeight, int maxHeight, int stepHeight) {
        setInt(MIN_WIDTH, minWidth);
        setInt(MAX_WIDTH, maxWidth);
        setInt(STEP_WIDTH, stepWidth);
        setInt(MIN_HEIGHT, minHeight);
        setInt(MAX_HEIGHT, maxHeight);
        setInt(STEP_HEIGHT, stepHeight);
    }
}
