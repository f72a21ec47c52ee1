package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_event}, filled by {@code VIDIOC_DQEVENT}; of the payload union only
 * {@code src_change.changes} is read. Its {@code timestamp} is a 16-byte {@code struct timespec}. Not
 * thread-safe, see {@link NativeStruct}.
 */
public final class V4l2Event extends NativeStruct {
    @AbiName("sizeof(struct v4l2_event)")
    public static final int SIZE = 136;
    @AbiName("offsetof(struct v4l2_event, type)")
    public static final int TYPE = 0;
    @AbiName("offsetof(struct v4l2_event, u.src_change.changes)")
    public static final int SRC_CHANGE_CHANGES = 8;
    @AbiName("offsetof(struct v4l2_event, pending)")
    public static final int PENDING = 72;
    @AbiName("offsetof(struct v4l2_event, sequence)")
    public static final int SEQUENCE = 76;
    @AbiName("offsetof(struct v4l2_event, timestamp.tv_sec)")
    public static final int TIMESTAMP_SEC = 80;
    @AbiName("offsetof(struct v4l2_event, timestamp.tv_nsec)")
    public static final int TIMESTAMP_NSEC = 88;
    @AbiName("offsetof(struct v4l2_event, id)")
    public static final int ID = 96;

    public V4l2Event() {
        super(SIZE);
    }

    private V4l2Event(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2Event at(Pointer pointer) {
        return new V4l2Event(pointer);
    }

    public int type() {
        return getInt(TYPE);
    }

    public void type(int value) {
        setInt(TYPE, value);
    }

    /** For source-change events: {@code V4L2_EVENT_SRC_CH_*} bits. */
    public int sourceChanges() {
        return getInt(SRC_CHANGE_CHANGES);
    }

    public void sourceChanges(int value) {
        setInt(SRC_CHANGE_CHANGES, value);
    }

    /** Events still waiting after this one. */
    public int pending() {
        return getInt(PENDING);
    }

    public void pending(int value) {
        setInt(PENDING, value);
    }

    public long sequence() {
        return Integer.toUnsignedLong(getInt(SEQUENCE));
    }

    public void sequence(long value) {
        setInt(SEQUENCE, (int) value);
    }

    public long timestampNanos() {
        return getLong(TIMESTAMP_SEC) * 1_000_000_000L + getLong(TIMESTAMP_NSEC);
    }

    public void timestampNanos(long nanos) {
        setLong(TIMESTAMP_SEC, nanos / 1_000_000_000L);
        setLong(TIMESTAMP_NSEC, nanos % 1_000_000_000L);
    }
}
