package io.kapture.synthetic.internal;

import java.nio.ByteBuffer;

import io.kapture.api.spi.DriverBuffer;
import io.kapture.synthetic.internal.paint.DirtyRegions;

/**
 * One buffer of a synthetic source's ring: its memory, what was painted into it, and the metadata of the frame
 * it holds.
 *
 * <p>Threading contract: the state, sequence and timestamp are written under the ring's lock (by whichever
 * thread advances the clock); bytes used, flags and the pixels are written by the dequeuing thread before it
 * hands the buffer out. Readers see them after the hand-over (dequeue return, queue call), as
 * {@link DriverBuffer} specifies.
 */
final class RingSlot implements DriverBuffer {

    /** Where a buffer is, as in V4L2: queued to be filled, filled and waiting, or held by the caller. */
    enum State {
        QUEUED, DONE, DEQUEUED
    }

    private final ClockedBufferRing ring;
    private final Object stream;
    private final int index;
    private final ByteBuffer memory;
    private final ByteBuffer view;
    private final DirtyRegions dirty = new DirtyRegions();
    State state = State.QUEUED;
    long sequence;
    long timestampNanos;
    int flags;
    int bytesUsed;

    RingSlot(ClockedBufferRing ring, Object stream, int index, int capacity) {
        this.ring = ring;
        this.stream = stream;
        this.index = index;
        this.memory = ByteBuffer.allocateDirect(capacity);
        this.view = memory.duplicate();
    }

    ClockedBufferRing ring() {
        return ring;
    }

    /** The streaming run (one start to its stop) this buffer was allocated for. */
    Object stream() {
        return stream;
    }

    /** The memory the painter writes, apart from the view callers get, so callers cannot disturb it. */
    ByteBuffer target() {
        return memory;
    }

    DirtyRegions dirty() {
        return dirty;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public ByteBuffer memory() {
        return view;
    }

    @Override
    public int bytesUsed() {
        return bytesUsed;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public long timestampNanos() {
        return timestampNanos;
    }

    @Override
    public int flags() {
        return flags;
    }

    @Override
    public String toString() {
        return "synthetic buffer " + index + " (" + state + ", sequence " + sequence + ")";
    }
}
