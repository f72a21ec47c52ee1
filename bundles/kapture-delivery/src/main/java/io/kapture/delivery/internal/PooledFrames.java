package io.kapture.delivery.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.FramePool;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DriverBuffer;

/**
 * Copies driver buffers into pooled buffers: the {@code pool} strategy's work and zero-copy's fallback. Keeps
 * released {@link PooledFrame}s on an array stack for reuse, so a warm copy allocates only the frame handle. The
 * copy itself is the JDK's absolute bulk {@link ByteBuffer#put(int, ByteBuffer, int, int)}: once C2 has compiled
 * the capture path it is the JVM's vector copy stub, which copied a 640x360 YUYV frame as fast as glibc's
 * {@code memcpy} through JNA or faster on the x86-64 host (hot caches 9.9 against 10.7 µs, cold 43.2 against 44.9 µs;
 * benchmarks' {@code CopyTable}, vivid's {@code CopyCost}), and where glibc picks {@code rep movsb} for frames below
 * the L2 cache size, as it did on that host and in the vivid guest, it executes a fraction of the instructions
 * (vivid/README.md, the warm frame).
 *
 * <p>Held frames are bounded, so that a holder who never releases cannot grow memory without end (the pool hands
 * out a fresh buffer whenever none is free, and a hoarded one never comes back). Every held frame is on a list,
 * oldest first, with the pooled bytes it pins. When a new copy brings those bytes above {@code max.held.bytes},
 * the oldest held frames (never the new one) are taken back until they fit; a leased copy (zero-copy's fallback)
 * is also taken back by {@link #reclaimExpired} once its lease ran out. A take-back releases every handle, whose
 * holders then get {@link IllegalStateException}, counts a reclaimed lease for the camera and reports the
 * holders.
 *
 * <p>A buffer taken back is never given back to the pool. Its holder may still have a view from
 * {@link io.kapture.api.Frame#data()} taken before, and a recycled buffer would show that view a later frame's
 * image without any sign; left out of circulation, the view keeps showing the frame it was taken from, and the
 * memory goes to the garbage collector with the last view. So that the pool's counts (outstanding buffers, bytes
 * held within its budget) stay true, it is given a fresh buffer of the same capacity and kind in place of the one
 * taken back: the pool treats buffers of one size class and kind as interchangeable. That costs one allocation
 * per take-back, which only a misbehaving holder causes. Driver buffers cannot be kept out of circulation this
 * way; a view of a zero-copy frame taken back shows what the driver writes next, as {@code Frame} warns.
 *
 * <p>Threading contract: {@link #copyOf} from any capture thread, {@link #recycle} from any releasing thread,
 * {@link #reclaimExpired} from the lease reaper, the setters from the configuration thread. The spare stack and
 * the held list are guarded by this object's monitor (an intrinsic lock: a contended {@code ReentrantLock} would
 * allocate); it is never held while a frame's lock is taken, which is where take-backs happen.
 */
final class PooledFrames {

    /** Spare frame objects kept at most; more are left to the garbage collector. */
    private static final int MAX_SPARE = 256;

    /** The default of {@code max.held.bytes}: 256 MiB, the frame pool's default budget. */
    static final long DEFAULT_MAX_HELD_BYTES = 256L << 20;

    /** Lease value of a copy that is never taken back by age. */
    static final long NO_LEASE = 0;

    private static final Logger LOG = LoggerFactory.getLogger(PooledFrames.class);

    private final FramePool pool;
    private final TakeBackReporter overLimit;
    private volatile BufferKind bufferKind;
    private volatile long maxHeldBytes;
    private PooledFrame[] spare = new PooledFrame[8];
    private int spareCount;
    private PooledFrame oldest;
    private PooledFrame newest;
    private long heldBytes;
    private long fillings;

    /**
     * @param overLimit where frames taken back because more than {@code maxHeldBytes} were held are reported
     */
    PooledFrames(FramePool pool, BufferKind bufferKind, long maxHeldBytes, TakeBackReporter overLimit) {
        this.pool = pool;
        this.bufferKind = bufferKind;
        this.maxHeldBytes = maxHeldBytes;
        this.overLimit = overLimit;
    }

    void bufferKind(BufferKind kind) {
        this.bufferKind = kind;
    }

    BufferKind bufferKind() {
        return bufferKind;
    }

    /** The most pooled bytes held frames may pin; applies from the next copy. */
    void maxHeldBytes(long bytes) {
        this.maxHeldBytes = bytes;
    }

    long maxHeldBytes() {
        return maxHeldBytes;
    }

    /** Pooled bytes pinned by held frames now. */
    synchronized long heldBytes() {
        return heldBytes;
    }

    /**
     * A frame holding a copy of {@code buffer}'s image and metadata, with one handle for {@code holder}. Does not
     * requeue the buffer: the caller does, after this returns or throws.
     *
     * @param leaseNanos how long it may be held before {@link #reclaimExpired} takes it back, or {@link #NO_LEASE}
     */
    FrameHandle copyOf(DriverBuffer buffer, DeliveryContext context, String holder, long leaseNanos) {
        long receivedNanos = System.nanoTime();
        int bytesUsed = Wrapping.checkedBytesUsed(buffer, context);
        ByteBuffer target = pool.acquire(bytesUsed, bufferKind);
        PooledFrame frame;
        FrameHandle handle;
        try {
            // absolute: neither buffer's position or limit is read or changed
            target.put(0, buffer.memory(), 0, bytesUsed);
            frame = takeSpare();
            frame.prepare(target, context, leaseNanos != NO_LEASE, receivedNanos + leaseNanos);
            frame.fill(buffer, context, target, receivedNanos);
            handle = frame.open(holder);
        } catch (RuntimeException | Error e) {
            pool.release(target);
            throw e;
        }
        if (link(frame)) {
            takeBackOverLimit(frame);
        }
        return handle;
    }

    /**
     * Takes back every leased copy held past its lease at {@code nowNanos}, reporting each to {@code reporter}.
     * Oldest first; the walk from the oldest stops being short only if a lease was shortened while older copies
     * were held.
     *
     * @return how many were taken back
     */
    int reclaimExpired(long nowNanos, TakeBackReporter reporter) {
        int reclaimed = 0;
        while (true) {
            PooledFrame frame;
            long filling;
            synchronized (this) {
                frame = oldest;
                while (frame != null && !frame.expiredAt(nowNanos)) {
                    frame = frame.newer;
                }
                if (frame == null) {
                    return reclaimed;
                }
                filling = frame.filling();
            }
            if (takeBack(frame, filling, reporter)) {
                reclaimed++;
            }
        }
    }

    /**
     * The last handle of {@code frame} went, or it was taken back ({@code abandoned}): its buffer back to the
     * pool (or a stand-in for it, see the class comment), the frame object off the held list and onto the stack.
     */
    void recycle(PooledFrame frame, ByteBuffer buffer, boolean abandoned) {
        if (abandoned) {
            giveStandIn(buffer);
        } else {
            pool.release(buffer);
        }
        synchronized (this) {
            unlink(frame, buffer.capacity());
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

    /** Takes back the oldest held frames other than {@code newest} while more than the limit is held. */
    private void takeBackOverLimit(PooledFrame newest) {
        while (true) {
            PooledFrame frame;
            long filling;
            synchronized (this) {
                if (heldBytes <= maxHeldBytes) {
                    return;
                }
                frame = oldest;
                while (frame != null && (frame == newest || !frame.held())) {
                    frame = frame.newer;
                }
                if (frame == null) {
                    return;
                }
                filling = frame.filling();
            }
            takeBack(frame, filling, overLimit);
        }
    }

    private static boolean takeBack(PooledFrame frame, long filling, TakeBackReporter reporter) {
        List<String> holders = new ArrayList<>(2);
        String what = frame.takeBackIf(filling, holders);
        if (what == null) {
            return false;
        }
        reporter.tookBack(what, holders);
        return true;
    }

    /** Gives the pool a fresh buffer of {@code taken}'s capacity and kind in its place. */
    private void giveStandIn(ByteBuffer taken) {
        ByteBuffer standIn;
        try {
            standIn = taken.isDirect() ? ByteBuffer.allocateDirect(taken.capacity())
                    : ByteBuffer.allocate(taken.capacity());
        } catch (OutOfMemoryError e) {
            // the take-back itself stands; only the pool's count keeps one buffer outstanding for good
            LOG.warn("No memory for a stand-in of a {}-byte pooled buffer taken back ({}); the frame pool counts it "
                    + "as outstanding from now on. Lower max.bytes of io.kapture.pool or give the JVM more {} "
                    + "memory", taken.capacity(), e.getMessage(), taken.isDirect() ? "direct" : "heap");
            return;
        }
        pool.release(standIn);
    }

    /** Puts a just-opened frame on the held list; true if the held bytes are now over the limit. */
    private synchronized boolean link(PooledFrame frame) {
        frame.filling(++fillings);
        frame.older = newest;
        frame.newer = null;
        if (newest == null) {
            oldest = frame;
        } else {
            newest.newer = frame;
        }
        newest = frame;
        heldBytes += frame.pooledCapacity();
        return heldBytes > maxHeldBytes;
    }

    private void unlink(PooledFrame frame, int capacity) {
        heldBytes -= capacity;
        if (frame.older == null) {
            oldest = frame.newer;
        } else {
            frame.older.newer = frame.newer;
        }
        if (frame.newer == null) {
            newest = frame.older;
        } else {
            frame.newer.older = frame.older;
        }
        frame.older = null;
        frame.newer = null;
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
