package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_ext_controls}, for {@code VIDIOC_G_EXT_CTRLS} / {@code S_EXT_CTRLS}: points at an array of
 * {@link V4l2ExtControl}. Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2ExtControls extends NativeStruct {
    @AbiName("sizeof(struct v4l2_ext_controls)")
    public static final int SIZE = 32;
    @AbiName("offsetof(struct v4l2_ext_controls, which)")
    public static final int WHICH = 0;
    @AbiName("offsetof(struct v4l2_ext_controls, count)")
    public static final int COUNT = 4;
    @AbiName("offsetof(struct v4l2_ext_controls, error_idx)")
    public static final int ERROR_IDX = 8;
    @AbiName("offsetof(struct v4l2_ext_controls, request_fd)")
    public static final int REQUEST_FD = 12;
    @AbiName("offsetof(struct v4l2_ext_controls, controls)")
    public static final int CONTROLS = 24;

    public V4l2ExtControls() {
        super(SIZE);
    }

    private V4l2ExtControls(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2ExtControls at(Pointer pointer) {
        return new V4l2ExtControls(pointer);
    }

    public int which() {
        return getInt(WHICH);
    }

    public void which(int value) {
        setInt(WHICH, value);
    }

    public int count() {
        return getInt(COUNT);
    }

    public int errorIndex() {
        return getInt(ERROR_IDX);
    }

    public void errorIndex(int value) {
        setInt(ERROR_IDX, value);
    }

    public Pointer controls() {
        return getPointer(CONTROLS);
    }

    /** Points at {@code count} controls. */
    public void controls(V4l2ExtControl first, int count) {
        setInt(COUNT, count);
        setPointer(CONTROLS, first.pointer());
    }
}
