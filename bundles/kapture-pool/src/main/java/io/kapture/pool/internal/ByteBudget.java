package io.kapture.pool.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The pool's byte budget: how many bytes of buffers the pool keeps track of (free ones and pooled ones handed
 * out) and the most it may. A reservation succeeds only while the total stays within the budget, so the total
 * never exceeds it even when many buckets reserve at once.
 *
 * <p>Threading contract: lock-free and allocation-free; every method may be called from any thread. A change of
 * the maximum applies to reservations that start after it; {@link BoundedFramePool#setMaxBytes} then frees
 * bytes until the total fits again.
 */
final class ByteBudget {

    private final AtomicLong held = new AtomicLong();
    private volatile long maxBytes;

    ByteBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Adds {@code bytes} to the total if it stays within the budget; false (and nothing changed) otherwise. */
    boolean tryReserve(long bytes) {
        while (true) {
            long current = held.get();
            if (current + bytes > maxBytes) {
                return false;
            }
            if (held.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    /** Takes {@code bytes} off the total: a tracked buffer was let go. */
    void free(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }

    long maxBytes() {
        return maxBytes;
    }

    void maxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    boolean overBudget() {
        return held.get() > maxBytes;
    }
}
