package io.kapture.engine.internal.fanout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.kapture.api.Frame;

/**
 * A bounded ring of frame handles between one producer (the capture thread) and the takers of one subscriber: an
 * array and two ever-growing sequence numbers, {@code tail} (next position to fill) and {@code head} (next
 * position to take). No lock, no allocation after construction, no wait: waiting is {@link Handoff}'s job.
 *
 * <p>Threading contract:
 * <ul>
 * <li>{@link #offer} is called by one producer thread only; {@code tail} has that single writer. The slot is
 * written first, then {@code tail} is published with a volatile store; volatile rather than release so that the
 * producer's next read (is the consumer parked?) cannot move ahead of it: {@link Handoff} relies on that
 * store-then-load order on both sides.
 * <li>{@link #take} may be called by any thread: the delivery thread takes frames, the producer takes the oldest
 * one to make room under {@code DROP_OLDEST}, a closing thread drains. The producer moves frames into a resized
 * ring with {@link #takeAll}, which claims them all in one step so that the consumer cannot overtake them.
 * A taker reads {@code head} and the slot there, then claims the slot with a CAS of {@code head} from {@code h}
 * to {@code h + 1}; only the winner owns (and must release) the handle. {@code head} never goes back, so there
 * is no ABA: the producer reuses a slot only after it has seen {@code head} past it, so a taker that read a slot
 * the producer has since refilled always loses its CAS.
 * <li>Taken slots are not cleared: clearing would race with the producer refilling the slot, and a cleared slot
 * could make a taker win a CAS for a null. A slot keeps its last, released handle until it is refilled: at most
 * {@code capacity} released 24-byte handles stay reachable, which cannot be used (a released handle throws).
 * </ul>
 * {@link #size}, {@link #isEmpty} and {@link #isFull} may be read from any thread; apart from the producer's own
 * view they are snapshots.
 */
final class FrameRing {

    private static final VarHandle SEQUENCES = MethodHandles.arrayElementVarHandle(long[].class);

    /**
     * {@code head} and {@code tail} live 128 bytes apart in one array (two cache lines, which also covers the
     * adjacent-line prefetcher), so the consumer's CAS on {@code head} and the producer's store to {@code tail}
     * do not invalidate each other's line, nor the line holding this object's final fields.
     */
    private static final int SPACING = 16;
    private static final int HEAD = SPACING;
    private static final int TAIL = 2 * SPACING;

    private final long[] sequences = new long[3 * SPACING];
    private final Frame[] slots;
    private final int capacity;
    private final int mask;

    /** Producer only: a value of {@code head} seen before; room is certain while {@code tail - headSeen < capacity}. */
    private long headSeen;

    /** A ring of {@code capacity} frames (at least 1); the array is the next power of two, indexed by a mask. */
    FrameRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        int length = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.slots = new Frame[length];
        this.mask = length - 1;
    }

    int capacity() {
        return capacity;
    }

    /** Producer only: appends {@code handle} unless the ring is full. Never waits. */
    boolean offer(Frame handle) {
        if (!hasRoom()) {
            return false;
        }
        put(handle);
        return true;
    }

    /**
     * Producer only: whether {@link #put} may append now. Only the producer adds, so room seen here stays until
     * it puts; takers can only make more.
     */
    boolean hasRoom() {
        long tail = sequences[TAIL];
        if (tail - headSeen >= capacity) {
            // acquire: a taker's read of the slot we are about to refill happened before its CAS of head
            headSeen = (long) SEQUENCES.getAcquire(sequences, HEAD);
            return tail - headSeen < capacity;
        }
        return true;
    }

    /** Producer only, after {@link #hasRoom} said yes: appends {@code handle}. */
    void put(Frame handle) {
        long tail = sequences[TAIL];
        slots[(int) tail & mask] = handle;
        SEQUENCES.setVolatile(sequences, TAIL, tail + 1);
    }

    /** Any thread: removes and returns the oldest handle, which the caller now owns; null when empty. */
    Frame take() {
        while (true) {
            long head = (long) SEQUENCES.getVolatile(sequences, HEAD);
            long tail = (long) SEQUENCES.getVolatile(sequences, TAIL);
            if (head >= tail) {
                return null;
            }
            Frame handle = slots[(int) head & mask];
            if (SEQUENCES.compareAndSet(sequences, HEAD, head, head + 1)) {
                return handle;
            }
        }
    }

    /**
     * Producer only: takes every queued handle at once, oldest first, with one CAS of {@code head} over the whole
     * range. Taking them one by one would let the consumer take a newer one between two of them and deliver it
     * before the older ones moved elsewhere (a resized ring). The slots are read after the CAS: only this thread
     * refills them, and no taker can win them any more.
     */
    Frame[] takeAll() {
        while (true) {
            long head = (long) SEQUENCES.getVolatile(sequences, HEAD);
            long tail = sequences[TAIL];
            if (SEQUENCES.compareAndSet(sequences, HEAD, head, tail)) {
                Frame[] all = new Frame[(int) (tail - head)];
                for (int i = 0; i < all.length; i++) {
                    all[i] = slots[(int) (head + i) & mask];
                }
                return all;
            }
        }
    }

    /** Handles queued now. */
    int size() {
        long head = (long) SEQUENCES.getVolatile(sequences, HEAD);
        long tail = (long) SEQUENCES.getVolatile(sequences, TAIL);
        return (int) Math.max(0, Math.min(capacity, tail - head));
    }

    boolean isEmpty() {
        return size() == 0;
    }

    boolean isFull() {
        return size() >= capacity;
    }
}
