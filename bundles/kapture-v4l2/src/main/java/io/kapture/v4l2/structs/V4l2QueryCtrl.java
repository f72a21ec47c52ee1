package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_queryctrl}, for {@code VIDIOC_QUERYCTRL}: the 32-bit control description, used where a
 * driver lacks {@code VIDIOC_QUERY_EXT_CTRL}. Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2QueryCtrl extends NativeStruct {
    @AbiName("sizeof(struct v4l2_queryctrl)")
    public static final int SIZE = 68;
    @AbiName("offsetof(struct v4l2_queryctrl, id)")
    public static final int ID = 0;
    @AbiName("offsetof(struct v4l2_queryctrl, type)")
    public static final int TYPE = 4;
    @AbiName("offsetof(struct v4l2_queryctrl, name)")
    public static final int NAME = 8;
    @AbiName("sizeof(((struct v4l2_queryctrl *) 0)->name)")
    public static final int NAME_LENGTH = 32;
    @AbiName("offsetof(struct v4l2_queryctrl, minimum)")
    public static final int MINIMUM = 40;
    @AbiName("offsetof(struct v4l2_queryctrl, maximum)")
    public static final int MAXIMUM = 44;
    @AbiName("offsetof(struct v4l2_queryctrl, step)")
    public static final int STEP = 48;
    @AbiName("offsetof(struct v4l2_queryctrl, default_value)")
    public static final int DEFAULT_VALUE = 52;
    @AbiName("offsetof(struct v4l2_queryctrl, flags)")
    public static final int FLAGS = 56;

    public V4l2QueryCtrl() {
        super(SIZE);
    }

    private V4l2QueryCtrl(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2QueryCtrl at(Pointer pointer) {
        return new V4l2QueryCtrl(pointer);
    }

    public int id() {
        return getInt(ID);
    }

    public void id(int value) {
        setInt(ID, value);
    }

    public int type() {
        return getInt(TYPE);
    }

    public String name() {
        return getString(NAME, NAME_LENGTH);
    }

    public int minimum() {
        return getInt(MINIMUM);
    }

    public int maximum() {
        return getInt(MAXIMUM);
    }

    public int step() {
        return getInt(STEP);
    }

    public int defaultValue() {
        return getInt(DEFAULT_VALUE);
    }

    public int flags() {
        return getInt(FLAGS);
    }

    /** Fills every field but the id, as a driver does. */
    public void describe(int type, String name, int minimum, int maximum, int step, int defaultValue, int flags) {
        setInt(TYPE, type);
        setString(NAME, NAME_LENGTH, name);
        setInt(MINIMUM, minimum);
        setInt(MAXIMUM, maximum);
        setInt(STEP, step);
        setInt(DEFAULT_VALUE, defaultValue);
        setInt(FLAGS, flags);
    }
}
