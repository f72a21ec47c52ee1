package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/** {@code struct v4l2_input}, for {@code VIDIOC_ENUMINPUT}. Not thread-safe, see {@link NativeStruct}. */
public final class V4l2Input extends NativeStruct {
    @AbiName("sizeof(struct v4l2_input)")
    public static final int SIZE = 80;
    @AbiName("offsetof(struct v4l2_input, index)")
    public static final int INDEX = 0;
    @AbiName("offsetof(struct v4l2_input, name)")
    public static final int NAME = 4;
    @AbiName("sizeof(((struct v4l2_input *) 0)->name)")
    public static final int NAME_LENGTH = 32;
    @AbiName("offsetof(struct v4l2_input, type)")
    public static final int TYPE = 36;
    @AbiName("offsetof(struct v4l2_input, std)")
    public static final int STD = 48;
    @AbiName("offsetof(struct v4l2_input, status)")
    public static final int STATUS = 56;
    @AbiName("offsetof(struct v4l2_input, capabilities)")
    public static final int CAPABILITIES = 60;

    public V4l2Input() {
        super(SIZE);
    }

    private V4l2Input(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2Input at(Pointer pointer) {
        return new V4l2Input(pointer);
    }

    public int index() {
        return getInt(INDEX);
    }

    public void index(int value) {
        setInt(INDEX, value);
    }

    public String name() {
        return getString(NAME, NAME_LENGTH);
    }

    public void name(String value) {
        setString(NAME, NAME_LENGTH, value);
    }

    public int type() {
        return getInt(TYPE);
    }

    public void type(int value) {
        setInt(TYPE, value);
    }

    /** {@code V4L2_IN_ST_*} bits; 0 means the input has a signal and no problem the driver can tell. */
    public int status() {
        return getInt(STATUS);
    }

    public void status(int value) {
        setInt(STATUS, value);
    }
}
