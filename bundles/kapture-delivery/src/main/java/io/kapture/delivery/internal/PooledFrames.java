package io.kapture.delivery.internal;

import java.nio.ByteBuffer;

import io.kapture.api.FramePool;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DriverBuffer;

/**
 * Copies driver buffers into pooled buffers: the {@code pool} strategy's work and zero-copy's fallback. Keeps
 * released {@link PooledFrame}s on an array stack for reuse, so a warm copy allocates only the frame handle. The
 * copy itself is {@link NativeCopy}'s: libc's memcpy where it can.
 *
 * <p>Threading contract: {@link #copyOf} from any capture thread, {@link #recycle} from any releasing thread,
 * {@link #bufferKind(BufferKind)} from the configuration thread; the stack is guarded by this object's monitor
 * (an intrinsic lock: a contended {@code ReentrantLock} would allocate).
 */
final class PooledFrames {

    /** Spare frame objects kept at most; more are left to the garbage collector. */
    private static final int MAX_SPARE = 256;

    private final FramePool pool;
    private volatile BufferKind bufferKind;
    private PooledFrame[] spare = new PooledFrame[8];
    private int spareCount;

    PooledFrames(FramePool pool, BufferKind bufferKind) {
        this.pool = pool;
        this.bufferKind = bufferKind;
        // binds memcpy now, on the configuring thread, rather than on a capture thread at its first copy
        NativeCopy.usesLibc();
    }

    void bufferKind(BufferKind kind) {
        this.bufferKind = kind;
    }

    BufferKind bufferKind() {
        return bufferKind;
    }

    /**
     * A frame holding a copy of {@code buffer}'s image and metadata, with one handle for {@code holder}. Does not
     * requeue the buffer: the caller does, after this returns or throws.
     */
    FrameHandle copyOf(DriverBuffer buffer, DeliveryContext context, String holder) {
        long receivedNanos = System.nanoTime();
        int bytesUsed = Wrapping.checkedBytesUsed(buffer, context);
        ByteBuffer target = pool.acquire(bytesUsed, bufferKind);
        try {
            NativeCopy.copy(buffer.memory(), target, bytesUsed);
            PooledFrame frame = takeSpare();
            frame.pooled(target);
            frame.fill(buffer, context, target, receivedNanos);
            return frame.open(holder);
        } catch (RuntimeException | Error e) {
            pool.release(target);
            throw e;
        }
    }

    /** The last handle of {@code frame} went: its buffer back to the pool, the frame object to the stack. */
    void recycle(PooledFrame frame, ByteBuffer buffer) {
        pool.release(buffer);
        synchronized (this) {
            if (spareCount == MAX_SPARE) {
                return;
            }
            if (spareCount == spare.length) {
                PooledFrame[] grown = new PooledFrame[spare.length * 2];
                System.arraycopy(spare, 0, grown, 0, spareCount);
                spare = grown;
            }
            spare[spareCount++] = frame;
        }
    }

    private PooledFrame takeSpare() {
        synchronized (this) {
            if (spareCount > 0) {
                PooledFrame frame = spare[--spareCount];
                spare[spareCount] = null;
                return frame;
            }
        }
        return new PooledFrame(this);
    }
}
