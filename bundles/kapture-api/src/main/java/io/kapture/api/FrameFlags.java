package io.kapture.api;

/**
 * The V4L2 buffer flags ({@code V4L2_BUF_FLAG_*}) that {@link Frame#flags()} carries, with the kernel's values.
 */
public final class FrameFlags {
    /** A key frame of a compressed stream. */
    public static final int KEYFRAME = 0x00000008;
    /** A predicted frame of a compressed stream. */
    public static final int PFRAME = 0x00000010;
    /** A bidirectionally predicted frame of a compressed stream. */
    public static final int BFRAME = 0x00000020;
    /** The driver reports the data may be corrupted; see {@link Frame#isCorrupted()}. */
    public static final int ERROR = 0x00000040;
    /** The timecode field is valid. */
    public static final int TIMECODE = 0x00000100;
    /** Mask of the timestamp type bits. */
    public static final int TIMESTAMP_MASK = 0x0000e000;
    /** The timestamp was taken from the monotonic clock. */
    public static final int TIMESTAMP_MONOTONIC = 0x00002000;
    /** The timestamp was copied from an output buffer. */
    public static final int TIMESTAMP_COPY = 0x00004000;
    /** Mask of the timestamp source bits. */
    public static final int TSTAMP_SRC_MASK = 0x00070000;
    /** The timestamp was taken at the end of the frame. */
    public static final int TSTAMP_SRC_EOF = 0x00000000;
    /** The timestamp was taken at the start of exposure. */
    public static final int TSTAMP_SRC_SOE = 0x00010000;
    /** The last buffer of a stream. */
    public static final int LAST = 0x00100000;

    private FrameFlags() {
    }
}
