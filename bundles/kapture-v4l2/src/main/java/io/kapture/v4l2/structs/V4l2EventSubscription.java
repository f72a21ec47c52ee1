package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_event_subscription}, for {@code VIDIOC_SUBSCRIBE_EVENT} / {@code UNSUBSCRIBE_EVENT}. Not
 * thread-safe, see {@link NativeStruct}.
 */
public final class V4l2EventSubscription extends NativeStruct {
    @AbiName("sizeof(struct v4l2_event_subscription)")
    public static final int SIZE = 32;
    @AbiName("offsetof(struct v4l2_event_subscription, type)")
    public static final int TYPE = 0;
    @AbiName("offsetof(struct v4l2_event_subscription, id)")
    public static final int ID = 4;
    @AbiName("offsetof(struct v4l2_event_subscription, flags)")
    public static final int FLAGS = 8;

    public V4l2EventSubscription() {
        super(SIZE);
    }

    private V4l2EventSubscription(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2EventSubscription at(Pointer pointer) {
        return new V4l2EventSubscription(pointer);
    }

    public int type() {
        return getInt(TYPE);
    }

    public void type(int value) {
        setInt(TYPE, value);
    }

    public int id() {
        return getInt(ID);
    }

    public void id(int value) {
        setInt(ID, value);
    }

    public int flags() {
        return getInt(FLAGS);
    }
}
