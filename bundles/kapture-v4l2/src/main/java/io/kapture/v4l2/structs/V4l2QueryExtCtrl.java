package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;
import io.kapture.v4l2.V4l2;

/**
 * {@code struct v4l2_query_ext_ctrl}, for {@code VIDIOC_QUERY_EXT_CTRL}: the control description with 64-bit
 * range. Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2QueryExtCtrl extends NativeStruct {
    @AbiName("sizeof(struct v4l2_query_ext_ctrl)")
    public static final int SIZE = 232;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, id)")
    public static final int ID = 0;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, type)")
    public static final int TYPE = 4;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, name)")
    public static final int NAME = 8;
    @AbiName("sizeof(((struct v4l2_query_ext_ctrl *) 0)->name)")
    public static final int NAME_LENGTH = 32;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, minimum)")
    public static final int MINIMUM = 40;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, maximum)")
    public static final int MAXIMUM = 48;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, step)")
    public static final int STEP = 56;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, default_value)")
    public static final int DEFAULT_VALUE = 64;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, flags)")
    public static final int FLAGS = 72;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, elem_size)")
    public static final int ELEM_SIZE = 76;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, elems)")
    public static final int ELEMS = 80;
    @AbiName("offsetof(struct v4l2_query_ext_ctrl, nr_of_dims)")
    public static final int NR_OF_DIMS = 84;

    public V4l2QueryExtCtrl() {
        super(SIZE);
    }

    private V4l2QueryExtCtrl(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2QueryExtCtrl at(Pointer pointer) {
        return new V4l2QueryExtCtrl(pointer);
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

    public long minimum() {
        return getLong(MINIMUM);
    }

    public long maximum() {
        return getLong(MAXIMUM);
    }

    public long step() {
        return getLong(STEP);
    }

    public long defaultValue() {
        return getLong(DEFAULT_VALUE);
    }

    public int flags() {
        return getInt(FLAGS);
    }

    public int elemSize() {
        return getInt(ELEM_SIZE);
    }

    public int elems() {
        return getInt(ELEMS);
    }

    public int dimensions() {
        return getInt(NR_OF_DIMS);
    }

    /** Fills every field but the id, as a driver does, for a scalar control. */
    public void describe(int type, String name, long minimum, long maximum, long step, long defaultValue, int flags) {
        setInt(TYPE, type);
        setString(NAME, NAME_LENGTH, name);
        setLong(MINIMUM, minimum);
        setLong(MAXIMUM, maximum);
        setLong(STEP, step);
        setLong(DEFAULT_VALUE, defaultValue);
        setInt(FLAGS, flags);
        setInt(ELEM_SIZE, type == V4l2.CTRL_TYPE_INTEGER64 ? Long.BYTES : Integer.BYTES);
        setInt(ELEMS, 1);
        setInt(NR_OF_DIMS, 0);
    }
}
