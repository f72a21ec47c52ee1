package io.kapture.api;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Recycles frame-sized buffers so that steady-state capture allocates nothing.
 *
 * <p>Buffers are kept per size class, heap and direct apart; a buffer handed out has at least the asked
 * capacity. The pool is bounded: when keeping a returned buffer would exceed its byte budget it lets the
 * buffer go to the garbage collector instead, and {@link #acquire} always succeeds (it allocates when no free
 * buffer fits).
 *
 * <p>Thread-safety: every method may be called from any thread; the statistics are exact once callers are quiet.
 */
@ProviderType
public interface FramePool {

    /**
     * A buffer with at least {@code minCapacity} bytes, position 0, limit {@code minCapacity}. Its content is
     * whatever the previous user left. Give it back with {@link #release} exactly once.
     *
     * @throws IllegalArgumentException if {@code minCapacity} is negative or larger than the pool can ever hold
     */
    ByteBuffer acquire(int minCapacity, BufferKind kind);

    /**
     * Gives back a buffer obtained from {@link #acquire}.
     *
     * @throws IllegalArgumentException if the buffer was not made by this pool (a read-only view, a wrong size)
     */
    void release(ByteBuffer buffer);

    /** A snapshot of the counters. */
    FramePoolStats stats();

    /** Where a pooled buffer's memory lives. */
    enum BufferKind {
        /** A {@code byte[]}-backed buffer, for code that wants the array. */
        HEAP,
        /** Native memory outside the Java heap, as a driver's buffers are: cheapest to copy from native memory. */
        DIRECT
    }
}
