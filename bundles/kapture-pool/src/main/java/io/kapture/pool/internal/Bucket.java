package io.kapture.pool.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.kapture.api.FramePool.BufferKind;

/**
 * The buffers of one size class and one kind: a stack of free buffers and the counters the statistics add up.
 *
 * <p>Buffers of one bucket are interchangeable, so the bucket counts how many of its outstanding buffers the
 * budget tracks ({@code trackedOut}) instead of remembering which ones: a returned buffer takes over a tracked
 * slot if there is one, and is otherwise kept only if the budget has room for it. That keeps
 * {@code bytesHeld == (free + trackedOut) * capacity} per bucket without any per-buffer bookkeeping.
 *
 * <p>Threading contract: every method holds the bucket's monitor, so counters and stack change together and a
 * snapshot of one bucket is consistent. An intrinsic lock rather than a {@code ReentrantLock} because a
 * contended {@code ReentrantLock} allocates a queue node per waiter; the free stack is an array for the same
 * reason. The array only grows (during warm-up), so a warmed-up pool allocates nothing. A miss allocates its
 * buffer under the lock: misses are rare once warm (warm-up, or a budget too small for the load), and other
 * takers of the same class would be allocating too.
 */
final class Bucket {

    private static final int INITIAL_STACK = 4;

    private final int capacity;
    private final BufferKind kind;
    private ByteBuffer[] free = new ByteBuffer[INITIAL_STACK];
    private int freeCount;
    private int trackedOut;
    private long gets;
    private long returns;
    private long allocations;
    private long outstanding;

    Bucket(int capacity, BufferKind kind) {
        this.capacity = capacity;
        this.kind = kind;
    }

    /** A free buffer, or a new one (tracked if the budget has room), cleared with limit {@code limit}. */
    synchronized ByteBuffer take(int limit, ByteBudget budget) {
        ByteBuffer buffer;
        if (freeCount > 0) {
            buffer = free[--freeCount];
            free[freeCount] = null;
            trackedOut++;
        } else {
            buffer = kind == BufferKind.DIRECT ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
            allocations++;
            if (budget.tryReserve(capacity)) {
                trackedOut++;
            }
        }
        gets++;
        outstanding++;
        buffer.clear();
        buffer.limit(limit);
        buffer.order(ByteOrder.BIG_ENDIAN);
        return buffer;
    }

    /**
     * Takes a buffer back: kept if it stands for a tracked one or the budget has room, let go otherwise.
     *
     * @throws IllegalStateException if no buffer of this bucket is outstanding, or this one is already free
     */
    synchronized void giveBack(ByteBuffer buffer, ByteBudget budget) {
        if (outstanding == 0) {
            throw new IllegalStateException("release without a matching acquire: no " + kind + " buffer of "
                    + capacity + " bytes is outstanding; release each acquired buffer exactly once");
        }
        for (int i = 0; i < freeCount; i++) {
            if (free[i] == buffer) {
                throw new IllegalStateException("this " + kind + " buffer of " + capacity
                        + " bytes was already released; release each acquired buffer exactly once");
            }
        }
        outstanding--;
        returns++;
        boolean keep;
        if (trackedOut > 0) {
            trackedOut--;
            keep = true;
        } else {
            keep = budget.tryReserve(capacity);
        }
        if (keep) {
            if (freeCount == free.length) {
                ByteBuffer[] grown = new ByteBuffer[free.length * 2];
                System.arraycopy(free, 0, grown, 0, freeCount);
                free = grown;
            }
            free[freeCount++] = buffer;
        }
    }

    /** Lets one free buffer go to the garbage collector; false if there was none. */
    synchronized boolean dropFree(ByteBudget budget) {
        if (freeCount == 0) {
            return false;
        }
        free[--freeCount] = null;
        budget.free(capacity);
        return true;
    }

    /** Stops tracking one outstanding buffer, so that it is let go on return unless there is room; false if none. */
    synchronized boolean untrackOutstanding(ByteBudget budget) {
        if (trackedOut == 0) {
            return false;
        }
        trackedOut--;
        budget.free(capacity);
        return true;
    }

    /** Adds this bucket's counters to {@code totals}: gets, returns, allocations, outstanding. */
    synchronized void addCounters(long[] totals) {
        totals[0] += gets;
        totals[1] += returns;
        totals[2] += allocations;
        totals[3] += outstanding;
    }

    synchronized int freeCount() {
        return freeCount;
    }
}
