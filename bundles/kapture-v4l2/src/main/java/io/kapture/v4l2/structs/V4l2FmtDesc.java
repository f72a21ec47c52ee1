package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/** {@code struct v4l2_fmtdesc}, for {@code VIDIOC_ENUM_FMT}. Not thread-safe, see {@link NativeStruct}. */
public final class V4l2FmtDesc extends NativeStruct {
    @AbiName("sizeof(struct v4l2_fmtdesc)")
    public static final int SIZE = 64;
    @AbiName("offsetof(struct v4l2_fmtdesc, index)")
    public static final int INDEX = 0;
    @AbiName("offsetof(struct v4l2_fmtdesc, type)")
    public static final int TYPE = 4;
    @AbiName("offsetof(struct v4l2_fmtdesc, flags)")
    public static final int FLAGS = 8;
    @AbiName("offsetof(struct v4l2_fmtdesc, description)")
    public static final int DESCRIPTION = 12;
    @AbiName("sizeof(((struct v4l2_fmtdesc *) 0)->description)")
    public static final int DESCRIPTION_LENGTH = 32;
    @AbiName("offsetof(struct v4l2_fmtdesc, pixelformat)")
    public static final int PIXELFORMAT = 44;

    public V4l2FmtDesc() {
        super(SIZE);
    }

    private V4l2FmtDesc(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2FmtDesc at(Pointer pointer) {
        return new V4l2FmtDesc(pointer);
    }

    public int index() {
        return getInt(INDEX);
    }

    public void index(int value) {
        setInt(INDEX, value);
    }

    public int type() {
        return getInt(TYPE);
    }

    public void type(int value) {
        setInt(TYPE, value);
    }

    public int flags() {
        return getInt(FLAGS);
    }

    public void flags(int value) {
        setInt(FLAGS, value);
    }

    public String description() {
        return getString(DESCRIPTION, DESCRIPTION_LENGTH);
    }

    public void description(String value) {
        setString(DESCRIPTION, DESCRIPTION_LENGTH, value);
    }

    public int pixelFormat() {
        return getInt(PIXELFORMAT);
    }

    public void pixelFormat(int value) {
        setInt(PIXELFORMAT, value);
    }
}
