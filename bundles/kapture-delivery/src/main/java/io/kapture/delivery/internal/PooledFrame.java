package io.kapture.delivery.internal;

import java.nio.ByteBuffer;
import java.util.List;

import io.kapture.api.spi.DeliveryContext;

/**
 * A frame whose memory is a buffer from the {@link io.kapture.api.FramePool}: on the last release the buffer goes
 * back to the pool and this object back to its {@link PooledFrames} to carry a later frame. While held it is on
 * its owner's list of held frames, from which it may be taken back (lease run out, too many bytes held); a
 * buffer taken back never goes back into the pool, see {@link PooledFrames}.
 *
 * <p>Threading contract: as {@link SharedFrame}. {@link #prepare} runs on the capture thread before
 * {@link #open} publishes the frame under its lock; the filling number is set by the owner under its monitor
 * once the frame is open, and checked under the frame's lock by {@link #takeBackIf}, so a take-back aimed at one
 * filling never hits a later one. {@link #recycle()} runs once per filling on the thread that released the last
 * handle or took the frame back; the taken-back mark it reads was set by that same thread. The list links are
 * guarded by the owner's monitor.
 */
final class PooledFrame extends SharedFrame {

    private final PooledFrames owner;
    private ByteBuffer pooled;
    private DeliveryContext context;
    private boolean takenBack;
    private volatile boolean leased;
    private volatile long leaseDeadlineNanos;
    private volatile long filling;

    /** Neighbours on the owner's list of held frames, oldest first; guarded by the owner's monitor. */
    PooledFrame older;
    PooledFrame newer;

    PooledFrame(PooledFrames owner) {
        this.owner = owner;
    }

    /** Sets what this filling needs besides {@link #fill}; {@code leased} false means never taken back by age. */
    void prepare(ByteBuffer buffer, DeliveryContext session, boolean isLeased, long deadlineNanos) {
        this.pooled = buffer;
        this.context = session;
        this.leased = isLeased;
        this.leaseDeadlineNanos = deadlineNanos;
    }

    int pooledCapacity() {
        return pooled.capacity();
    }

    void filling(long number) {
        this.filling = number;
    }

    long filling() {
        return filling;
    }

    /** Whether this filling is held past its lease at {@code nowNanos}; a hint outside the frame's lock. */
    boolean expiredAt(long nowNanos) {
        return leased && held() && nowNanos - leaseDeadlineNanos >= 0;
    }

    /**
     * Takes this frame back from its holders if it still carries filling {@code expectedFilling} and is held:
     * every handle becomes released, the take-back is counted for the camera and the frame recycled.
     *
     * @param holders receives the holders whose handles were still live
     * @return the frame taken back, for the log, or {@code null} if it was released or refilled meanwhile
     */
    String takeBackIf(long expectedFilling, List<String> holders) {
        String what;
        DeliveryContext session;
        lock();
        try {
            if (filling != expectedFilling || !held()) {
                return null;
            }
            what = "pooled copy of frame " + sequence() + " of camera " + camera();
            session = context;
            takeBackLocked(holders);
            takenBack = true;
        } finally {
            unlock();
        }
        session.countReclaimedLease();
        recycle();
        return what;
    }

    @Override
    void recycle() {
        ByteBuffer buffer = pooled;
        boolean abandoned = takenBack;
        pooled = null;
        context = null;
        takenBack = false;
        forgetMemory();
        owner.recycle(this, buffer, abandoned);
    }
}
