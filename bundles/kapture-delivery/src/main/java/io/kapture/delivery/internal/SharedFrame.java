package io.kapture.delivery.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import io.kapture.api.Frame;
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
 * The handle list and count, and every handle's released flag, are guarded by this frame's {@link #lock()}: a
 * compare-and-set spin lock (yielding after a short spin) rather than the object's monitor, because a monitor costs
 * two atomic operations per use where this costs one, and retain and release each take it once per listener and
 * frame; its critical sections are a few array operations. {@link #recycle()} runs outside it, once per filling, on
 * whichever thread released the last handle or took the frame back.
 */
abstract class SharedFrame {

    private static final int INITIAL_HANDLES = 4;
    /** What a recycled frame shows until it is filled again, so that it pins no memory meanwhile. */
    private static final ByteBuffer NO_MEMORY = ByteBuffer.allocate(0);
    /** Spins before a waiting thread yields: the lock is held for a few array operations only. */
    private static final int SPINS_BEFORE_YIELD = 64;
    private static final VarHandle LOCK;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(SharedFrame.class, "locked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
    @SuppressWarnings("unused") // through LOCK
    private volatile int locked;

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
    final FrameHandle open(String holder) {
        FrameHandle handle = new FrameHandle(this, holder);
        lock();
        try {
            if (live != 0) {
                throw new IllegalStateException("frame " + sequence + " of camera " + camera + " still has " + live
                        + " live handle(s): its buffer was wrapped again before its last handle was released");
            }
            add(handle);
            held = true;
        } finally {
            unlock();
        }
        return handle;
    }

    /** A new handle for {@code holder}, if {@code from} is still live. */
    final FrameHandle retain(FrameHandle from, String holder) {
        FrameHandle handle = new FrameHandle(this, holder);
        lock();
        try {
            if (from.isReleased()) {
                throw new IllegalStateException("cannot retain a released frame handle: retain before releasing, "
                        + "from a handle you still hold");
            }
            add(handle);
        } finally {
            unlock();
        }
        return handle;
    }

    /** New handles for {@code count} holders under one lock acquisition, if {@code from} is still live. */
    final void retain(FrameHandle from, String[] holders, Frame[] into, int count) {
        for (int i = 0; i < count; i++) {
            into[i] = new FrameHandle(this, holders[i]);
        }
        lock();
        try {
            if (from.isReleased()) {
                Arrays.fill(into, 0, count, null);
                throw new IllegalStateException("cannot retain a released frame handle: retain before releasing, "
                        + "from a handle you still hold");
            }
            for (int i = 0; i < count; i++) {
                add((FrameHandle) into[i]);
            }
        } finally {
            unlock();
        }
    }

    /**
     * Releases {@code handle} unless it is released already (by its holder, or taken back); the last release
     * recycles the frame.
     */
    final void release(FrameHandle handle) {
        lock();
        try {
            if (handle.isReleased()) {
                return;
            }
            handle.markReleasedLocked();
            remove(handle);
            if (live > 0) {
                return;
            }
            held = false;
        } finally {
            unlock();
        }
        recycle();
    }

    /**
     * Marks every live handle released and forgets them, the caller holding this frame's {@link #lock()} and then
     * calling {@link #recycle()} exactly once. Adds the holders of the handles that were still live to
     * {@code holders}, if given.
     */
    final void takeBackLocked(List<String> holders) {
        for (int i = 0; i < live; i++) {
            FrameHandle handle = handles[i];
            handles[i] = null;
            handle.markReleasedLocked();
            if (holders != null) {
                holders.add(handle.holder());
            }
        }
        live = 0;
        held = false;
    }

    /**
     * Drops the reference to the memory until the next {@link #fill}: a frame taken back from a holder who keeps
     * its handles must not keep the memory reachable through them. Handles of this filling are all released by
     * then, so they read nothing from it.
     */
    final void forgetMemory() {
        this.memory = NO_MEMORY;
    }

    /** Takes the frame's lock, spinning briefly and then yielding while another thread holds it. */
    final void lock() {
        int spins = 0;
        while (!LOCK.compareAndSet(this, 0, 1)) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Gives the lock back; its release store publishes what was changed under it. */
    final void unlock() {
        LOCK.setRelease(this, 0);
    }

    /** Whether a handle is live; exact only under the lock, a hint outside it. */
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

    /**
     * A new read-only view of the image: position 0, limit {@link #bytesUsed()}. Read racing with a take-back it
     * may pair the memory and size of different fillings, hence the clamp; the handle then throws anyway.
     */
    final ByteBuffer view() {
        ByteBuffer view = memory.asReadOnlyBuffer();
        view.limit(Math.min(bytesUsed, view.capacity()));
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

    private void remove(FrameHandle handle) {
        for (int i = 0; i < live; i++) {
            if (handles[i] == handle) {
                handles[i] = handles[--live];
                handles[live] = null;
                return;
            }
        }
    }
}
