package io.kapture.delivery.internal;

import java.nio.ByteBuffer;

import io.kapture.api.FrameFormat;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DriverBuffer;

/**
 * The part of a frame all its handles share: the memory, the metadata copied from the driver buffer when the
 * frame was wrapped, and the live {@link FrameHandle handles}. When the last handle goes, {@link #recycle()}
 * gives the memory back (to the driver or the pool) exactly once. Pooled and zero-copy frames are reused for
 * later frames, so wrapping allocates nothing but the handle.
 *
 * <p>Threading contract: {@link #fill} and {@link #open} run on the capture thread while the frame has no live
 * handle. Handles read the metadata from any thread: those fields are volatile and a handle checks that it is
 * still live after reading, so a value read from a frame that was taken back and refilled is never returned.
 * The handle list and count are guarded by this object's monitor; {@link #recycle()} runs outside it, once per
 * filling, on whichever thread released the last handle or took the frame back.
 */
abstract class SharedFrame {

    private static final int INITIAL_HANDLES = 4;

    private volatile String camera;
    private volatile FrameFormat format;
    private volatile ByteBuffer memory;
    private volatile long sequence;
    private volatile long timestampNanos;
    private volatile long receivedNanos;
    private volatile long wallClockMillis;
    private volatile int flags;
    private volatile int bytesUsed;
    private volatile boolean held;

    private FrameHandle[] handles = new FrameHandle[INITIAL_HANDLES];
    private int live;

    /**
     * Copies the driver's metadata and sets the memory the handles show. Call before the buffer is requeued.
     *
     * @param receivedNanos {@link System#nanoTime()} when the frame was taken from the driver
     */
    final void fill(DriverBuffer buffer, DeliveryContext context, ByteBuffer memory, long receivedNanos) {
        this.camera = context.camera();
        this.format = context.format();
        this.memory = memory;
        this.sequence = buffer.sequence();
        this.timestampNanos = buffer.timestampNanos();
        this.flags = buffer.flags();
        this.bytesUsed = buffer.bytesUsed();
        this.receivedNanos = receivedNanos;
        this.wallClockMillis = System.currentTimeMillis();
    }

    /**
     * The first handle of a filled frame.
     *
     * @throws IllegalStateException if the frame still has live handles from its previous use
     */
    final synchronized FrameHandle open(String holder) {
        if (live != 0) {
            throw new IllegalStateException("frame " + sequence + " of camera " + camera + " still has " + live
                    + " live handle(s): its buffer was wrapped again before its last handle was released");
        }
        FrameHandle handle = new FrameHandle(this, holder);
        add(handle);
        held = true;
        return handle;
    }

    /** A new handle for {@code holder}, if {@code from} is still live. */
    final FrameHandle retain(FrameHandle from, String holder) {
        FrameHandle handle = new FrameHandle(this, holder);
        synchronized (this) {
            if (from.isReleased()) {
                throw new IllegalStateException("cannot retain a released frame handle: retain before releasing, "
                        + "from a handle you still hold");
            }
            add(handle);
        }
        return handle;
    }

    /**
     * Called once by a handle that has just marked itself released. A handle the frame no longer lists was
     * taken back already, so nothing is left to do for it.
     */
    final void released(FrameHandle handle) {
        synchronized (this) {
            if (!remove(handle) || live > 0) {
                return;
            }
            held = false;
        }
        recycle();
    }

    /**
     * Marks every live handle released and forgets them, the caller holding this frame's monitor and then
     * calling {@link #recycle()} exactly once. Appends the holders of the handles that were still live to
     * {@code holders}, if given.
     */
    final void takeBackLocked(StringBuilder holders) {
        for (int i = 0; i < live; i++) {
            FrameHandle handle = handles[i];
            handles[i] = null;
            if (handle.markReleased() && holders != null) {
                if (holders.length() > 0) {
                    holders.append(", ");
                }
                holders.append(handle.holder());
            }
        }
        live = 0;
        held = false;
    }

    /** Whether a handle is live; exact only under the monitor, a hint outside it. */
    final boolean held() {
        return held;
    }

    /** Gives the memory back: called exactly once per {@link #fill}, after the last handle went. */
    abstract void recycle();

    final String camera() {
        return camera;
    }

    final FrameFormat format() {
        return format;
    }

    final long sequence() {
        return sequence;
    }

    final long timestampNanos() {
        return timestampNanos;
    }

    final long receivedNanos() {
        return receivedNanos;
    }

    final long wallClockMillis() {
        return wallClockMillis;
    }

    final int flags() {
        return flags;
    }

    final int bytesUsed() {
        return bytesUsed;
    }

    /** A new read-only view of the image: position 0, limit {@link #bytesUsed()}. */
    final ByteBuffer view() {
        ByteBuffer view = memory.asReadOnlyBuffer();
        view.limit(bytesUsed);
        view.position(0);
        return view;
    }

    private void add(FrameHandle handle) {
        if (live == handles.length) {
            FrameHandle[] grown = new FrameHandle[handles.length * 2];
            System.arraycopy(handles, 0, grown, 0, live);
            handles = grown;
        }
        handles[live++] = handle;
    }

    private boolean remove(FrameHandle handle) {
        for (int i = 0; i < live; i++) {
            if (handles[i] == handle) {
                handles[i] = handles[--live];
                handles[live] = null;
                return true;
            }
        }
        return false;
    }
}
