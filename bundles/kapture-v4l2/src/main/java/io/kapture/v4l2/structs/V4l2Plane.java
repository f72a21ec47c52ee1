package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_plane}: one plane of a multi-planar {@link V4l2Buffer}. An instance may hold several planes
 * back to back ({@link #V4l2Plane(int)}); accessors take the plane number. Not thread-safe, see
 * {@link NativeStruct}.
 */
public final class V4l2Plane extends NativeStruct {
    @AbiName("sizeof(struct v4l2_plane)")
    public static final int SIZE = 64;
    @AbiName("offsetof(struct v4l2_plane, bytesused)")
    public static final int BYTESUSED = 0;
    @AbiName("offsetof(struct v4l2_plane, length)")
    public static final int LENGTH = 4;
    @AbiName("offsetof(struct v4l2_plane, m.mem_offset)")
    public static final int M_MEM_OFFSET = 8;
    @AbiName("offsetof(struct v4l2_plane, m.fd)")
    public static final int M_FD = 8;
    @AbiName("offsetof(struct v4l2_plane, data_offset)")
    public static final int DATA_OFFSET = 16;

    /** An array of {@code count} planes. */
    public V4l2Plane(int count) {
        super(SIZE * count);
    }

    private V4l2Plane(Pointer pointer, int count) {
        super(pointer, SIZE * count);
    }

    /** A view over {@code count} planes somebody else allocated. */
    public static V4l2Plane at(Pointer pointer, int count) {
        return new V4l2Plane(pointer, count);
    }

    public int bytesUsed(int plane) {
        return getInt(plane * SIZE + BYTESUSED);
    }

    public void bytesUsed(int plane, int value) {
        setInt(plane * SIZE + BYTESUSED, value);
    }

    public int length(int plane) {
        return getInt(plane * SIZE + LENGTH);
    }

    public void length(int plane, int value) {
        setInt(plane * SIZE + LENGTH, value);
    }

    public int memOffset(int plane) {
        return getInt(plane * SIZE + M_MEM_OFFSET);
    }

    public void memOffset(int plane, int value) {
        setInt(plane * SIZE + M_MEM_OFFSET, value);
    }

    public int dataOffset(int plane) {
        return getInt(plane * SIZE + DATA_OFFSET);
    }

    public void dataOffset(int plane, int value) {
        setInt(plane * SIZE + DATA_OFFSET, value);
    }
}
