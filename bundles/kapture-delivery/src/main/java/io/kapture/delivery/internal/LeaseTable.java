package io.kapture.delivery.internal;

import java.util.ArrayList;
import java.util.List;

import io.kapture.api.spi.DeliveryContext;

/**
 * The zero-copy frames of one session, indexed by driver buffer index: the structure the lease reaper scans
 * and {@link io.kapture.api.spi.DeliveryStrategy#close} empties. A session has a handful of buffers, so a plain
 * array scanned without iterators is both the cheapest lookup for the capture thread and allocation-free for
 * the reaper's scan (it allocates only to name the holders of a frame it takes back).
 *
 * <p>Threading contract: {@link #frameFor} on the session's capture thread only (one at a time, as
 * {@code wrap} is); the array is replaced, never changed in place, and published through a volatile field, so
 * the reaper and {@link #takeBackAll} may read it from any thread. New entries appear only the first time an
 * index is seen, which is the only allocation.
 */
final class LeaseTable {

    private final DeliveryContext context;
    private volatile LeasedFrame[] frames = new LeasedFrame[0];

    LeaseTable(DeliveryContext context) {
        this.context = context;
    }

    DeliveryContext context() {
        return context;
    }

    /** The frame object for driver buffer {@code index}, made the first time the index is seen. */
    LeasedFrame frameFor(int index) {
        LeasedFrame[] current = frames;
        if (index < current.length && current[index] != null) {
            return current[index];
        }
        if (index < 0) {
            throw new IllegalArgumentException("driver buffer index must not be negative, was " + index
                    + " (camera " + context.camera() + ")");
        }
        LeasedFrame[] grown = new LeasedFrame[Math.max(current.length, index + 1)];
        System.arraycopy(current, 0, grown, 0, current.length);
        LeasedFrame frame = new LeasedFrame(context);
        grown[index] = frame;
        frames = grown;
        return frame;
    }

    /**
     * Takes back every frame held past its lease at {@code nowNanos}, reporting each to {@code reporter}.
     *
     * @return how many were taken back
     */
    int reclaimExpired(long nowNanos, TakeBackReporter reporter) {
        int reclaimed = 0;
        for (LeasedFrame frame : frames) {
            if (frame != null && frame.expiredHint(nowNanos)) {
                List<String> holders = new ArrayList<>(2);
                String what = frame.reclaimIfExpired(nowNanos, holders);
                if (what != null) {
                    reclaimed++;
                    reporter.tookBack(what, holders);
                }
            }
        }
        return reclaimed;
    }

    /** Takes back every frame still held, silently; returns how many buffers were requeued. */
    int takeBackAll() {
        int requeued = 0;
        for (LeasedFrame frame : frames) {
            if (frame != null && frame.takeBack()) {
                requeued++;
            }
        }
        return requeued;
    }
}
