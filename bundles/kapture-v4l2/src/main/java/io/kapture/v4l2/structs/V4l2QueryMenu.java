package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_querymenu} (packed), for {@code VIDIOC_QUERYMENU}: one item of a menu control, a label for
 * {@code MENU} controls or a 64-bit value for {@code INTEGER_MENU} ones (a union). Not thread-safe, see
 * {@link NativeStruct}.
 */
public final class V4l2QueryMenu extends NativeStruct {
    @AbiName("sizeof(struct v4l2_querymenu)")
    public static final int SIZE = 44;
    @AbiName("offsetof(struct v4l2_querymenu, id)")
    public static final int ID = 0;
    @AbiName("offsetof(struct v4l2_querymenu, index)")
    public static final int INDEX = 4;
    @AbiName("offsetof(struct v4l2_querymenu, name)")
    public static final int NAME = 8;
    @AbiName("sizeof(((struct v4l2_querymenu *) 0)->name)")
    public static final int NAME_LENGTH = 32;
    @AbiName("offsetof(struct v4l2_querymenu, value)")
    public static final int VALUE = 8;

    public V4l2QueryMenu() {
        super(SIZE);
    }

    private V4l2QueryMenu(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2QueryMenu at(Pointer pointer) {
        return new V4l2QueryMenu(pointer);
    }

    public int id() {
        return getInt(ID);
    }

    public void id(int value) {
        setInt(ID, value);
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

    public long value() {
        return getLong(VALUE);
    }

    public void value(long value) {
        setLong(VALUE, value);
    }
}
