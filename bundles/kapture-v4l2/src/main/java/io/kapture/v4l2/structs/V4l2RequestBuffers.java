package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_requestbuffers}, for {@code VIDIOC_REQBUFS}: allocates (count &gt; 0) or frees (count 0) a
 * queue's buffers; the driver writes back the count it allocated. Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2RequestBuffers extends NativeStruct {
    @AbiName("sizeof(struct v4l2_requestbuffers)")
    public static final int SIZE = 20;
    @AbiName("offsetof(struct v4l2_requestbuffers, count)")
    public static final int COUNT = 0;
    @AbiName("offsetof(struct v4l2_requestbuffers, type)")
    public static final int TYPE = 4;
    @AbiName("offsetof(struct v4l2_requestbuffers, memory)")
    public static final int MEMORY = 8;
    @AbiName("offsetof(struct v4l2_requestbuffers, capabilities)")
    public static final int CAPABILITIES = 12;

    public V4l2RequestBuffers() {
        super(SIZE);
    }

    private V4l2RequestBuffers(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2RequestBuffers at(Pointer pointer) {
        return new V4l2RequestBuffers(pointer);
    }

    public int count() {
        return getInt(COUNT);
    }

    public void count(int value) {
        setInt(COUNT, value);
    }

    public int type() {
        return getInt(TYPE);
    }

    public void type(int value) {
        setInt(TYPE, value);
    }

    public int memory() {
        return getInt(MEMORY);
    }

    public void memory(int value) {
        setInt(MEMORY, value);
    }

    public int capabilities() {
        return getInt(CAPABILITIES);
    }

    public void capabilities(int value) {
        setInt(CAPABILITIES, value);
    }
}
