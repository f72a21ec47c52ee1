package io.kapture.v4l2.internal;

import java.nio.ByteBuffer;

import com.sun.jna.Pointer;

import io.kapture.api.spi.DriverBuffer;

/**
 * One mmap'd driver buffer and the metadata of the frame it holds. The {@link BufferRing} owns it and reuses it
 * for every frame of its index: the capture thread writes the metadata right after {@code DQBUF}; readers on
 * other threads see it through the hand-over that passed them the buffer (queue/dequeue is the happens-before
 * edge, as {@link DriverBuffer} says). Its state field is guarded by the ring's lock.
 */
final class MappedBuffer implements DriverBuffer {

    /** Where a buffer is. */
    enum State {
        /** With the ring, not queued: just mapped, or its requeue failed because the device went away. */
        IDLE,
        /** Queued to the driver. */
        QUEUED,
        /** Dequeued and handed out, not yet queued back. */
        OUT
    }

    private final BufferRing ring;
    private final int index;
    private final Pointer address;
    private final long length;
    private final ByteBuffer memory;
    private State state = State.IDLE;
    private int bytesUsed;
    private long sequence;
    private long timestampNanos;
    private int flags;

    MappedBuffer(BufferRing ring, int index, Pointer address, long length) {
        this.ring = ring;
        this.index = index;
        this.address = address;
        this.length = length;
        this.memory = address.getByteBuffer(0, length);
    }

    void filled(int bytesUsed, long sequence, long timestampNanos, int flags) {
        this.bytesUsed = bytesUsed;
        this.sequence = sequence;
        this.timestampNanos = timestampNanos;
        this.flags = flags;
    }

    BufferRing ring() {
        return ring;
    }

    Pointer address() {
        return address;
    }

    long length() {
        return length;
    }

    State state() {
        return state;
    }

    void state(State state) {
        this.state = state;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public ByteBuffer memory() {
        return memory;
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
        return "buffer " + index + " (" + state + ", sequence " + sequence + ")";
    }
}
