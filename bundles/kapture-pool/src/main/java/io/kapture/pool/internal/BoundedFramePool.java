package io.kapture.pool.internal;

import java.nio.ByteBuffer;

import io.kapture.api.FramePool;
import io.kapture.api.FramePoolStats;

/**
 * The {@link FramePool} logic, free of OSGi: buffers bucketed by {@link SizeClasses size class} and kind, within
 * a byte budget. {@code bytesHeld} (free buffers plus pooled buffers handed out) never exceeds the budget; a
 * request the budget cannot cover still gets a fresh buffer, which the pool lets go when it comes back.
 *
 * <p>Threading contract: every method may be called from any thread. Each bucket has its own lock, so threads
 * working on different sizes or kinds never contend; the budget is a lock-free counter shared by all buckets.
 * After warm-up {@link #acquire} and {@link #release} allocate nothing. {@link #stats()} adds the buckets up one
 * at a time: exact once callers are quiet.
 */
public final class BoundedFramePool implements FramePool {

    private static final BufferKind[] KINDS = BufferKind.values();

    private final Bucket[] buckets = new Bucket[KINDS.length * SizeClasses.COUNT];
    private final ByteBudget budget;

    /**
     * @param maxBytes the byte budget, at least 0
     * @throws IllegalArgumentException if {@code maxBytes} is negative
     */
    public BoundedFramePool(long maxBytes) {
        this.budget = new ByteBudget(checkedMaxBytes(maxBytes));
        for (BufferKind kind : KINDS) {
            for (int sizeClass = 0; sizeClass < SizeClasses.COUNT; sizeClass++) {
                buckets[index(kind, sizeClass)] = new Bucket(SizeClasses.capacityOf(sizeClass), kind);
            }
        }
    }

    @Override
    public ByteBuffer acquire(int minCapacity, BufferKind kind) {
        if (minCapacity < 0 || minCapacity > SizeClasses.MAX_CAPACITY) {
            throw new IllegalArgumentException("cannot acquire a buffer of " + minCapacity
                    + " bytes: the pool hands out 0 to " + SizeClasses.MAX_CAPACITY + " bytes");
        }
        if (kind == null) {
            throw new IllegalArgumentException("buffer kind must be HEAP or DIRECT, was null");
        }
        return buckets[index(kind, SizeClasses.classOf(minCapacity))].take(minCapacity, budget);
    }

    @Override
    public void release(ByteBuffer buffer) {
        if (buffer == null) {
            throw new IllegalArgumentException("cannot release null: pass the buffer acquire returned");
        }
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("cannot release a read-only buffer: the pool hands out writable "
                    + "buffers, so this is a view; release the buffer acquire returned");
        }
        int capacity = buffer.capacity();
        if (!SizeClasses.isClassCapacity(capacity)) {
            throw new IllegalArgumentException("cannot release a buffer of capacity " + capacity
                    + ": no size class of this pool has that capacity, so acquire did not return it");
        }
        BufferKind kind = buffer.isDirect() ? BufferKind.DIRECT : BufferKind.HEAP;
        if (kind == BufferKind.HEAP && (!buffer.hasArray() || buffer.arrayOffset() != 0
                || buffer.array().length != capacity)) {
            throw new IllegalArgumentException("cannot release a heap buffer that is a slice of a larger array: "
                    + "acquire did not return it");
        }
        buckets[index(kind, SizeClasses.classOf(capacity))].giveBack(buffer, budget);
    }

    @Override
    public FramePoolStats stats() {
        long[] totals = new long[4];
        for (Bucket bucket : buckets) {
            bucket.addCounters(totals);
        }
        return new FramePoolStats(totals[0], totals[1], totals[2], totals[3], budget.held(), budget.maxBytes());
    }

    /**
     * Changes the byte budget. When it shrinks, free buffers are let go, largest first, and if that is not
     * enough pooled buffers still handed out stop being tracked (they are let go when they come back), so that
     * {@code bytesHeld} fits the new budget when this returns.
     *
     * @throws IllegalArgumentException if {@code maxBytes} is negative
     */
    public void setMaxBytes(long maxBytes) {
        budget.maxBytes(checkedMaxBytes(maxBytes));
        // one buffer per round, re-checking the total: a reservation racing with the change is caught too
        while (budget.overBudget()) {
            if (!dropOneFree() && !untrackOne()) {
                return;
            }
        }
    }

    /** Buffers now free in the bucket of {@code capacity} bytes and {@code kind}, for tests and diagnostics. */
    int freeBuffers(int capacity, BufferKind kind) {
        return buckets[index(kind, SizeClasses.classOf(capacity))].freeCount();
    }

    private boolean dropOneFree() {
        for (int i = SizeClasses.COUNT - 1; i >= 0; i--) {
            for (BufferKind kind : KINDS) {
                if (buckets[index(kind, i)].dropFree(budget)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean untrackOne() {
        for (int i = SizeClasses.COUNT - 1; i >= 0; i--) {
            for (BufferKind kind : KINDS) {
                if (buckets[index(kind, i)].untrackOutstanding(budget)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int index(BufferKind kind, int sizeClass) {
        return kind.ordinal() * SizeClasses.COUNT + sizeClass;
    }

    private static long checkedMaxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("max.bytes must be 0 or more (0 keeps no buffer), was " + maxBytes);
        }
        return maxBytes;
    }
}
