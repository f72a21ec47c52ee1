package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_encoder_cmd}, for {@code VIDIOC_ENCODER_CMD}: start or stop (drain) a memory-to-memory
 * encoder. Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2EncoderCmd extends NativeStruct {
    @AbiName("sizeof(struct v4l2_encoder_cmd)")
    public static final int SIZE = 40;
    @AbiName("offsetof(struct v4l2_encoder_cmd, cmd)")
    public static final int CMD = 0;
    @AbiName("offsetof(struct v4l2_encoder_cmd, flags)")
    public static final int FLAGS = 4;

    public V4l2EncoderCmd() {
        super(SIZE);
    }

    private V4l2EncoderCmd(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2EncoderCmd at(Pointer pointer) {
        return new V4l2EncoderCmd(pointer);
    }

    public int cmd() {
        return getInt(CMD);
    }

    /** Zeroes the struct (the driver rejects unknown flags and data) and sets the command. */
    public void command(int value) {
        clear();
        setInt(CMD, value);
    }

    public int flags() {
        return getInt(FLAGS);
    }
}
