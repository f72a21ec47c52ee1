package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;

/**
 * {@code struct v4l2_buffer}, for {@code VIDIOC_QUERYBUF}, {@code QBUF} and {@code DQBUF}: the per-frame struct.
 * A stream keeps one instance per thread and reuses it for every frame, so capture allocates nothing. For
 * multi-planar types {@code m.planes} points at {@link V4l2Plane}s and {@code length} counts them.
 *
 * <p>On 64-bit Linux {@code timestamp} is a 16-byte {@code struct timeval} at offset 24 (32-bit ABIs differ and
 * are not supported). Not thread-safe, see {@link NativeStruct}.
 */
public final class V4l2Buffer extends NativeStruct {
    @AbiName("sizeof(struct v4l2_buffer)")
    public static final int SIZE = 88;
    @AbiName("offsetof(struct v4l2_buffer, index)")
    public static final int INDEX = 0;
    @AbiName("offsetof(struct v4l2_buffer, type)")
    public static final int TYPE = 4;
    @AbiName("offsetof(struct v4l2_buffer, bytesused)")
    public static final int BYTESUSED = 8;
    @AbiName("offsetof(struct v4l2_buffer, flags)")
    public static final int FLAGS = 12;
    @AbiName("offsetof(struct v4l2_buffer, field)")
    public static final int FIELD = 16;
    @AbiName("offsetof(struct v4l2_buffer, timestamp.tv_sec)")
    public static final int TIMESTAMP_SEC = 24;
    @AbiName("offsetof(struct v4l2_buffer, timestamp.tv_usec)")
    public static final int TIMESTAMP_USEC = 32;
    @AbiName("offsetof(struct v4l2_buffer, sequence)")
    public static final int SEQUENCE = 56;
    @AbiName("offsetof(struct v4l2_buffer, memory)")
    public static final int MEMORY = 60;
    @AbiName("offsetof(struct v4l2_buffer, m.offset)")
    public static final int M_OFFSET = 64;
    @AbiName("offsetof(struct v4l2_buffer, m.planes)")
    public static final int M_PLANES = 64;
    @AbiName("offsetof(struct v4l2_buffer, m.fd)")
    public static final int M_FD = 64;
    @AbiName("offsetof(struct v4l2_buffer, length)")
    public static final int LENGTH = 72;
    @AbiName("offsetof(struct v4l2_buffer, reserved2)")
    public static final int RESERVED2 = 76;
    @AbiName("offsetof(struct v4l2_buffer, request_fd)")
    public static final int REQUEST_FD = 80;

    public V4l2Buffer() {
        super(SIZE);
    }

    private V4l2Buffer(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2Buffer at(Pointer pointer) {
        return new V4l2Buffer(pointer);
    }

    /**
     * Zeroes the struct and sets what every buffer ioctl needs; for multi-planar types also points {@code m.planes}
     * at {@code planes} (which the caller zeroes) and sets {@code length} to their count.
     */
    public void prepare(int type, int memory, int index, V4l2Plane planes, int planeCount) {
        clear();
        setInt(TYPE, type);
        setInt(MEMORY, memory);
        setInt(INDEX, index);
        if (planes != null) {
            setPointer(M_PLANES, planes.pointer());
            setInt(LENGTH, planeCount);
        }
    }

    /**
     * Sets what {@code VIDIOC_QBUF} of a single-plane MMAP capture buffer reads, on a struct kept for {@code QBUF}
     * alone: type, memory, index, and no flags (the kernel's answer to the last {@code QBUF} left the buffer's state
     * flags in them). Nothing else is written: the struct was zeroed when allocated, and the kernel reads no other
     * field of a capture buffer and zeroes the reserved ones in every answer. Four stores per frame where
     * {@link #prepare} zeroes 88 bytes.
     */
    public void requeue(int type, int memory, int index) {
        setInt(INDEX, index);
        setInt(TYPE, type);
        setInt(FLAGS, 0);
        setInt(MEMORY, memory);
    }

    /**
     * Sets what {@code VIDIOC_DQBUF} of a single-plane buffer reads, on a struct kept for {@code DQBUF} alone: type
     * and memory. The kernel overwrites every other field in its answer (reserved ones with zeros) and reads none of
     * them, and a failed {@code DQBUF} leaves the struct as it was.
     */
    public void dequeueArguments(int type, int memory) {
        setInt(TYPE, type);
        setInt(MEMORY, memory);
    }

    public int index() {
        return getInt(INDEX);
    }

    public void index(int value) {
        setInt(INDEX, value);
    }

    public int type() {
        return getInt(TYPE);
    }

    public int bytesUsed() {
        return getInt(BYTESUSED);
    }

    public void bytesUsed(int value) {
        setInt(BYTESUSED, value);
    }

    public int flags() {
        return getInt(FLAGS);
    }

    public void flags(int value) {
        setInt(FLAGS, value);
    }

    public int field() {
        return getInt(FIELD);
    }

    public void field(int value) {
        setInt(FIELD, value);
    }

    /** The timestamp in nanoseconds (on the clock {@code flags} name, monotonic for capture devices). */
    public long timestampNanos() {
        return getLong(TIMESTAMP_SEC) * 1_000_000_000L + getLong(TIMESTAMP_USEC) * 1_000L;
    }

    public void timestampNanos(long nanos) {
        setLong(TIMESTAMP_SEC, nanos / 1_000_000_000L);
        setLong(TIMESTAMP_USEC, nanos % 1_000_000_000L / 1_000L);
    }

    /** The sequence number, an unsigned 32-bit counter. */
    public long sequence() {
        return Integer.toUnsignedLong(getInt(SEQUENCE));
    }

    public void sequence(long value) {
        setInt(SEQUENCE, (int) value);
    }

    public int memory() {
        return getInt(MEMORY);
    }

    /** For single-planar MMAP buffers: the offset to pass to {@code mmap}. */
    public int offset() {
        return getInt(M_OFFSET);
    }

    public void offset(int value) {
        setInt(M_OFFSET, value);
    }

    public Pointer planes() {
        return getPointer(M_PLANES);
    }

    /** Buffer size in bytes (single-planar) or number of planes (multi-planar). */
    public int length() {
        return getInt(LENGTH);
    }

    public void length(int value) {
        setInt(LENGTH, value);
    }
}
