package io.kapture.delivery.internal;

import java.util.List;

import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DriverBuffer;

/**
 * A zero-copy frame: its memory is a driver buffer's, which goes back to the driver when the last handle is
 * released, when the lease runs out, or when the session stops. One object per driver buffer index and session
 * (see {@link LeaseTable}), refilled each time the driver hands that buffer over again.
 *
 * <p>Threading contract: {@link #lease} on the session's capture thread; {@link #reclaimIfExpired} on the lease
 * reaper thread; {@link #takeBack} on the session's control thread; releases from any thread. Whoever of them
 * empties the handle list under the frame's lock requeues, so the buffer goes back exactly once per lease.
 */
final class LeasedFrame extends SharedFrame {

    private final DeliveryContext context;
    private volatile DriverBuffer buffer;
    private volatile long leaseDeadlineNanos;

    LeasedFrame(DeliveryContext context) {
        this.context = context;
    }

    /** Makes this frame show {@code driverBuffer}'s memory until its last handle is released or it is taken back. */
    FrameHandle lease(DriverBuffer driverBuffer, long receivedNanos, long leaseNanos, String holder) {
        this.buffer = driverBuffer;
        this.leaseDeadlineNanos = receivedNanos + leaseNanos;
        fill(driverBuffer, context, driverBuffer.memory(), receivedNanos);
        return open(holder);
    }

    /**
     * Takes the frame back if it is held past its lease at {@code nowNanos}: every handle becomes released, the
     * reclaim is counted and the buffer requeued.
     *
     * @param holders receives the holders whose handles were still live
     * @return the frame taken back, for the log (sequence and camera), or {@code null} if the frame was not held
     *         past its lease
     */
    String reclaimIfExpired(long nowNanos, List<String> holders) {
        String what;
        lock();
        try {
            if (!held() || nowNanos - leaseDeadlineNanos < 0) {
                return null;
            }
            what = "zero-copy frame " + sequence() + " of camera " + camera();
            takeBackLocked(holders);
        } finally {
            unlock();
        }
        context.countReclaimedLease();
        recycle();
        return what;
    }

    /** Takes the frame back silently (the session is stopping); true if it was held and is now requeued. */
    boolean takeBack() {
        lock();
        try {
            if (!held()) {
                return false;
            }
            takeBackLocked(null);
        } finally {
            unlock();
        }
        recycle();
        return true;
    }

    /** Whether the lease ran out at {@code nowNanos}; a hint read without the lock, for the reaper's scan. */
    boolean expiredHint(long nowNanos) {
        return held() && nowNanos - leaseDeadlineNanos >= 0;
    }

    @Override
    void recycle() {
        context.requeue(buffer);
    }
}
