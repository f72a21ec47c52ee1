package io.kapture.delivery.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;

/**
 * One handle on a {@link SharedFrame}: the {@link Frame} that holders see. It remembers its holder's name for the
 * lease log. Its released flag is only ever set under the frame's lock, and checked there again, so a second
 * release, or a release racing with the frame being taken back, does nothing and never touches another handle's
 * reference.
 *
 * <p>Threading contract: every method from any thread. Accessors read first and check liveness after, so a
 * value is returned only if the handle was live when it was read.
 */
final class FrameHandle implements Frame {

    private static final VarHandle RELEASED;

    static {
        try {
            RELEASED = MethodHandles.lookup().findVarHandle(FrameHandle.class, "released", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SharedFrame frame;
    private final String holder;
    @SuppressWarnings("unused") // written through RELEASED
    private volatile int released;

    /** Keeps {@code holder} as given: it is only read for messages, so a blank name is replaced there, not here. */
    FrameHandle(SharedFrame frame, String holder) {
        this.frame = frame;
        this.holder = holder;
    }

    @Override
    public String camera() {
        String value = frame.camera();
        checkLive();
        return value;
    }

    @Override
    public FrameFormat format() {
        FrameFormat value = frame.format();
        checkLive();
        return value;
    }

    @Override
    public ByteBuffer data() {
        ByteBuffer value = frame.view();
        checkLive();
        return value;
    }

    @Override
    public long sequence() {
        long value = frame.sequence();
        checkLive();
        return value;
    }

    @Override
    public long timestampNanos() {
        long value = frame.timestampNanos();
        checkLive();
        return value;
    }

    @Override
    public long wallClockMillis() {
        long value = frame.wallClockMillis();
        checkLive();
        return value;
    }

    @Override
    public long receivedNanos() {
        long value = frame.receivedNanos();
        checkLive();
        return value;
    }

    @Override
    public int flags() {
        int value = frame.flags();
        checkLive();
        return value;
    }

    @Override
    public int bytesUsed() {
        int value = frame.bytesUsed();
        checkLive();
        return value;
    }

    @Override
    public Frame retain(String newHolder) {
        return frame.retain(this, newHolder);
    }

    @Override
    public void retain(String[] holders, Frame[] handles, int count) {
        frame.retain(this, holders, handles, count);
    }

    @Override
    public void release() {
        if (released == 0) {
            frame.release(this);
        }
    }

    @Override
    public boolean isReleased() {
        return released != 0;
    }

    /**
     * Sets the released flag; the caller holds the frame's lock, whose release publishes it (readers that see a
     * refilled frame see the flag too). A release store: no fence of its own needed.
     */
    void markReleasedLocked() {
        RELEASED.setRelease(this, 1);
    }

    String holder() {
        return holder == null || holder.isBlank() ? "unnamed holder" : holder;
    }

    @Override
    public String toString() {
        return "frame handle of " + holder() + (isReleased() ? " (released)" : "");
    }

    private void checkLive() {
        if (released != 0) {
            throw new IllegalStateException("frame handle of " + holder() + " is released (by its holder, or taken "
                    + "back after its lease, beyond max.held.bytes or on stop): keep a retained handle for as long as "
                    + "you read the frame, and release it soon after");
        }
    }
}
