package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_frmivalenum}, for {@code VIDIOC_ENUM_FRAMEINTERVALS}: frame intervals (seconds per frame as
 * a fraction) offered for one format and size. Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2FrmIvalEnum extends NativeStruct {
    @AbiName("sizeof(struct v4l2_frmivalenum)")
    public static final int SIZE = 52;
    @AbiName("offsetof(struct v4l2_frmivalenum, index)")
    public static final int INDEX = 0;
    @AbiName("offsetof(struct v4l2_frmivalenum, pixel_format)")
    public static final int PIXEL_FORMAT = 4;
    @AbiName("offsetof(struct v4l2_frmivalenum, width)")
    public static final int WIDTH = 8;
    @AbiName("offsetof(struct v4l2_frmivalenum, height)")
    public static final int HEIGHT = 12;
    @AbiName("offsetof(struct v4l2_frmivalenum, type)")
    public static final int TYPE = 16;
    @AbiName("offsetof(struct v4l2_frmivalenum, discrete.numerator)")
    public static final int DISCRETE_NUMERATOR = 20;
    @AbiName("offsetof(struct v4l2_frmivalenum, discrete.denominator)")
    public static final int DISCRETE_DENOMINATOR = 24;
    @AbiName("offsetof(struct v4l2_frmivalenum, stepwise.min)")
    public static final int STEPWISE_MIN = 20;
    @AbiName("offsetof(struct v4l2_frmivalenum, stepwise.max)")
    public static final int STEPWISE_MAX = 28;
    @AbiName("offsetof(struct v4l2_frmivalenum, stepwise.step)")
    public static final int STEPWISE_STEP = 36;
    @AbiName("offsetof(struct v4l2_fract, denominator)")
    public static final int FRACT_DENOMINATOR = 4;

    public V4l2FrmIvalEnum() {
        super(SIZE);
    }

    private V4l2FrmIvalEnum(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2FrmIvalEnum at(Pointer pointer) {
        return new V4l2FrmIvalEnum(pointer);
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

    public int width() {
        return getInt(WIDTH);
    }

    public void width(int value) {
        setInt(WIDTH, value);
    }

    public int height() {
        return getInt(HEIGHT);
    }

    public void height(int value) {
        setInt(HEIGHT, value);
    }

    public int type() {
        return getInt(TYPE);
    }

    public void type(int value) {
        setInt(TYPE, value);
    }

    /** Numerator of the discrete interval, or of the range's minimum. */
    public int numerator() {
        return getInt(DISCRETE_NUMERATOR);
    }

    /** Denominator of the discrete interval, or of the range's minimum. */
    public int denominator() {
        return getInt(DISCRETE_DENOMINATOR);
    }

    public void discrete(int numerator, int denominator) {
        setInt(DISCRETE_NUMERATOR, numerator);
        setInt(DISCRETE_DENOMINATOR, denominator);
    }

    /** Numerator of the range's largest interval (its lowest rate). */
    public int maxNumerator() {
        return getInt(STEPWISE_MAX);
    }

    public int maxDenominator() {
        return getInt(STEPWISE_MAX + FRACT_DENOMINATOR);
    }

    public void stepwise(int minNumerator, int minDenominator, int maxNumerator, int maxDenominator) {
        setInt(STEPWISE_MIN, minNumerator);
        setInt(STEPWISE_MIN + FRACT_DENOMINATOR, minDenominator);
        setInt(STEPWISE_MAX, maxNumerator);
        setInt(STEPWISE_MAX + FRACT_DENOMINATOR, maxDenominator);
    }
}
