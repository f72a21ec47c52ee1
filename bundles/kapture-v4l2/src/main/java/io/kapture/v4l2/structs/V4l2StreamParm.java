package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_streamparm} with its {@code capture} view, for {@code VIDIOC_G_PARM} / {@code S_PARM}: the
 * frame interval ({@code timeperframe}, seconds per frame). Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2StreamParm extends NativeStruct {
    @AbiName("sizeof(struct v4l2_streamparm)")
    public static final int SIZE = 204;
    @AbiName("offsetof(struct v4l2_streamparm, type)")
    public static final int TYPE = 0;
    @AbiName("offsetof(struct v4l2_streamparm, parm.capture.capability)")
    public static final int CAPABILITY = 4;
    @AbiName("offsetof(struct v4l2_streamparm, parm.capture.capturemode)")
    public static final int CAPTUREMODE = 8;
    @AbiName("offsetof(struct v4l2_streamparm, parm.capture.timeperframe.numerator)")
    public static final int NUMERATOR = 12;
    @AbiName("offsetof(struct v4l2_streamparm, parm.capture.timeperframe.denominator)")
    public static final int DENOMINATOR = 16;
    @AbiName("offsetof(struct v4l2_streamparm, parm.capture.readbuffers)")
    public static final int READBUFFERS = 24;

    public V4l2StreamParm() {
        super(SIZE);
    }

    private V4l2StreamParm(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2StreamParm at(Pointer pointer) {
        return new V4l2StreamParm(pointer);
    }

    public int type() {
        return getInt(TYPE);
    }

    public void type(int value) {
        setInt(TYPE, value);
    }

    /** {@link io.kapture.v4l2.V4l2#CAP_TIMEPERFRAME} if the driver lets the frame interval be set. */
    public int capability() {
        return getInt(CAPABILITY);
    }

    public void capability(int value) {
        setInt(CAPABILITY, value);
    }

    public int numerator() {
        return getInt(NUMERATOR);
    }

    public int denominator() {
        return getInt(DENOMINATOR);
    }

    public void timePerFrame(int numerator, int denominator) {
        setInt(NUMERATOR, numerator);
        setInt(DENOMINATOR, denominator);
    }

    /** Frames per second of the interval; 0 if the driver left it unset. */
    public double framesPerSecond() {
        return numerator() == 0 ? 0 : (double) denominator() / numerator();
    }
}
