package io.kapture.v4l2.internal;

import java.nio.ByteBuffer;

import com.sun.jna.Pointer;

import io.kapture.api.spi.DriverBuffer;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.structs.V4l2Plane;

/**
 * One driver buffer, its mmap'd planes and the metadata of the frame it holds. The {@link BufferRing} owns it and
 * reuses it for every frame of its index: the capture thread writes the metadata right after {@code DQBUF}; readers
 * on other threads see it through the hand-over that passed them the buffer (queue/dequeue is the happens-before
 * edge, as {@link DriverBuffer} says). Its state field is guarded by the ring's lock.
 *
 * <p>A single-plane buffer's {@link #memory()} is its mapping itself (zero-copy). A buffer of a multi-plane format
 * has one mapping per plane and a direct buffer allocated once at start, into which {@link #pack} copies each
 * frame's planes in the single-plane layout ({@link PlanePacker}); {@link #memory()} is that buffer.
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
    private final Pointer[] addresses;
    private final long[] lengths;
    private final ByteBuffer[] planes;
    private final PlanePacker packer;
    private final ByteBuffer memory;
    private State state = State.IDLE;
    private int bytesUsed;
    private long sequence;
    private long timestampNanos;
    private int flags;

    /**
     * @param addresses each plane's mapping, in plane order (one for single-plane formats)
     * @param lengths   each mapping's length
     * @param packer    the packer of a multi-plane format, null for a single-plane one
     */
    MappedBuffer(BufferRing ring, int index, Pointer[] addresses, long[] lengths, PlanePacker packer) {
        this.ring = ring;
        this.index = index;
        this.addresses = addresses.clone();
        this.lengths = lengths.clone();
        this.planes = new ByteBuffer[addresses.length];
        for (int plane = 0; plane < planes.length; plane++) {
            planes[plane] = addresses[plane].getByteBuffer(0, lengths[plane]);
        }
        this.packer = packer;
        this.memory = packer == null ? planes[0] : ByteBuffer.allocateDirect(packer.packedSize());
    }

    void filled(int bytesUsed, long sequence, long timestampNanos, int flags) {
        this.bytesUsed = bytesUsed;
        this.sequence = sequence;
        this.timestampNanos = timestampNanos;
        this.flags = flags;
    }

    /**
     * Flags the frame corrupted as a driver does with {@code V4L2_BUF_FLAG_ERROR}: an MJPEG frame that is not a
     * whole JPEG ({@link JpegCompleteness}) or an H.264 frame that is not a whole access unit
     * ({@link H264Completeness}). Capture thread only, between {@link #filled} and handing it on.
     */
    void flagCorrupted() {
        this.flags |= V4l2.BUF_FLAG_ERROR;
    }

    /** Whether frames are packed from several planes rather than read in place. */
    boolean packed() {
        return packer != null;
    }

    /** Packs the planes DQBUF described into {@link #memory()}; returns the bytes used. Capture thread only. */
    int pack(V4l2Plane dequeued) {
        return packer.pack(planes, dequeued, memory);
    }

    BufferRing ring() {
        return ring;
    }

    int planeCount() {
        return planes.length;
    }

    Pointer address(int plane) {
        return addresses[plane];
    }

    long length(int plane) {
        return lengths[plane];
    }

    /** The mapping of one plane, the root buffer of every view of it. */
    ByteBuffer plane(int plane) {
        return planes[plane];
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
        return "buffer " + index + " (" + state + ", sequence " + sequence
                + (packer == null ? "" : ", " + planes.length + " planes packed") + ")";
    }
}
