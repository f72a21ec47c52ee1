package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_exportbuffer}, for {@code VIDIOC_EXPBUF}: exports one plane of an MMAP buffer as a DMABUF
 * file descriptor, which the caller must close. Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2ExportBuffer extends NativeStruct {
    @AbiName("sizeof(struct v4l2_exportbuffer)")
    public static final int SIZE = 64;
    @AbiName("offsetof(struct v4l2_exportbuffer, type)")
    public static final int TYPE = 0;
    @AbiName("offsetof(struct v4l2_exportbuffer, index)")
    public static final int INDEX = 4;
    @AbiName("offsetof(struct v4l2_exportbuffer, plane)")
    public static final int PLANE = 8;
    @AbiName("offsetof(struct v4l2_exportbuffer, flags)")
    public static final int FLAGS = 12;
    @AbiName("offsetof(struct v4l2_exportbuffer, fd)")
    public static final int FD = 16;

    public V4l2ExportBuffer() {
        super(SIZE);
    }

    private V4l2ExportBuffer(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2ExportBuffer at(Pointer pointer) {
        return new V4l2ExportBuffer(pointer);
    }

    public int type() {
        return getInt(TYPE);
    }

    public void type(int value) {
        setInt(TYPE, value);
    }

    public int index() {
        return getInt(INDEX);
    }

    public void index(int value) {
        setInt(INDEX, value);
    }

    public int plane() {
        return getInt(PLANE);
    }

    public void plane(int value) {
        setInt(PLANE, value);
    }

    /** {@code open(2)} flags of the new descriptor, such as {@code O_CLOEXEC | O_RDWR}. */
    public int flags() {
        return getInt(FLAGS);
    }

    public void flags(int value) {
        setInt(FLAGS, value);
    }

    public int fd() {
        return getInt(FD);
    }

    public void fd(int value) {
        setInt(FD, value);
    }
}
