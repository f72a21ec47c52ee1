package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/** {@code struct v4l2_control}, for {@code VIDIOC_G_CTRL} / {@code S_CTRL}. Not thread-safe, see {@link NativeStruct}. */
public final class V4l2Control extends NativeStruct {
    @AbiName("sizeof(struct v4l2_control)")
    public static final int SIZE = 8;
    @AbiName("offsetof(struct v4l2_control, id)")
    public static final int ID = 0;
    @AbiName("offsetof(struct v4l2_control, value)")
    public static final int VALUE = 4;

    public V4l2Control() {
        super(SIZE);
    }

    private V4l2Control(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2Control at(Pointer pointer) {
        return new V4l2Control(pointer);
    }

    public int id() {
        return getInt(ID);
    }

    public void id(int value) {
        setInt(ID, value);
    }

    public int value() {
        return getInt(VALUE);
    }

    public void value(int value) {
        setInt(VALUE, value);
    }
}
