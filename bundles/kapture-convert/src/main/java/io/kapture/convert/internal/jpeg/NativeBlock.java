package io.kapture.convert.internal.jpeg;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * A block of native memory that grows on demand and is freed by {@link #close()}: the source and output buffers of a
 * {@link TurboCodec}. It only grows when a larger image than any before arrives, so a stream of same-sized frames
 * allocates nothing after its first frame. The Java side reads and writes it through one {@link ByteBuffer} view,
 * made when the block is (re)allocated, with absolute bulk gets and puts; the library gets its address.
 *
 * <p>Not thread-safe: owned by one codec, used by the thread that borrowed it.
 */
final class NativeBlock implements AutoCloseable {

    /** Growth rounds up to this, so a camera alternating between two close sizes does not reallocate every time. */
    private static final long GRANULE = 64 * 1024;

    private static final AtomicLong ALLOCATIONS = new AtomicLong();

    private Memory memory;
    private ByteBuffer view;
    private long address;

    /** Makes room for at least {@code size} bytes; what the block held is lost when it grows. */
    void ensure(long size) {
        if (memory != null && memory.size() >= size) {
            return;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an image of " + size + " bytes is larger than the 2 GiB a buffer holds");
        }
        close();
        long rounded = Math.min(Integer.MAX_VALUE, (size + GRANULE - 1) / GRANULE * GRANULE);
        memory = new Memory(rounded);
        ALLOCATIONS.incrementAndGet();
        view = memory.getByteBuffer(0, rounded);
        address = Pointer.nativeValue(memory);
    }

    /** Native allocations made by all blocks so far, for tests that check a steady stream makes none. */
    static long allocations() {
        return ALLOCATIONS.get();
    }

    /** The block's native address, for the library. */
    long address() {
        return address;
    }

    /** The block as a buffer (position 0, limit its size) for absolute bulk access; invalid after the next growth. */
    ByteBuffer view() {
        return view;
    }

    /** Writes {@code count} ints from the start of the block, in the platform's byte order. */
    void write(int[] ints, int count) {
        memory.write(0, ints, 0, count);
    }

    /** Frees the native memory now, rather than when the garbage collector finds it; the block can grow again. */
    @Override
    public void close() {
        if (memory != null) {
            memory.close();
            memory = null;
            view = null;
            address = 0;
        }
    }
}
