package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_ext_control} (packed): one control's id and value in a {@link V4l2ExtControls} request. The
 * value union is read as 32 or 64 bits depending on the control's type. Not thread-safe, see
 * {@link NativeStruct}.
 */
public final class V4l2ExtControl extends NativeStruct {
    @AbiName("sizeof(struct v4l2_ext_control)")
    public static final int SIZE = 20;
    @AbiName("offsetof(struct v4l2_ext_control, id)")
    public static final int ID = 0;
    @AbiName("offsetof(struct v4l2_ext_control, size)")
    public static final int SIZE_FIELD = 4;
    @AbiName("offsetof(struct v4l2_ext_control, value)")
    public static final int VALUE = 12;
    @AbiName("offsetof(struct v4l2_ext_control, value64)")
    public static final int VALUE64 = 12;

    public V4l2ExtControl() {
        super(SIZE);
    }

    private V4l2ExtControl(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2ExtControl at(Pointer pointer) {
        return new V4l2ExtControl(pointer);
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

    public long value64() {
        return getLong(VALUE64);
    }

    public void value64(long value) {
        setLong(VALUE64, value);
    }
}
