package io.kapture.engine.internal.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One stream's frame counters and frame-rate meter.
 *
 * <p>A driver's sequence numbers normally rise by one per frame; a rise by more counts the frames it skipped as
 * gaps. A number no higher than the one before (the same again, or lower as from a driver whose count restarted)
 * is counted apart as a repeat and reported (to a {@link SequenceWarning} in a real stream): the frame is still
 * delivered, it is not a lost frame, and gaps are counted from the new number on.
 *
 * <p>Threading contract: {@link #frame} and {@link #captured} are called on the capture thread only (so the
 * sequence bookkeeping needs no synchronisation); the delivery context counts fallback copies and reclaimed
 * leases from any thread; the getters may be called from any thread.
 */
final class StreamCounters {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Without a frame for this long the rate reads 0 rather than the last window's figure. */
    private static final long STALE_NANOS = 2 * WINDOW_NANOS;

    private final AtomicLong captured = new AtomicLong();
    private final AtomicLong sequenceGaps = new AtomicLong();
    private final AtomicLong sequenceRepeats = new AtomicLong();
    private final AtomicLong corrupted = new AtomicLong();
    private final AtomicLong fallbackCopies = new AtomicLong();
    private final AtomicLong reclaimedLeases = new AtomicLong();
    /** Null where nobody is to be told (a rehearsal's private counters). */
    private final RepeatObserver repeatObserver;

    private boolean sequenceSeen;
    private long lastSequence;
    private long windowStartNanos;
    private int windowFrames;
    private volatile double fps;
    private volatile long lastFrameNanos;

    StreamCounters() {
        this(null);
    }

    StreamCounters(RepeatObserver repeatObserver) {
        this.repeatObserver = repeatObserver;
    }

    /** Capture thread: a frame with this sequence arrived at {@code nowNanos}. */
    void frame(long sequence, boolean isCorrupted, long nowNanos) {
        if (isCorrupted) {
            corrupted.incrementAndGet();
        }
        lastFrameNanos = nowNanos;
        if (!sequenceSeen) {
            sequenceSeen = true;
            lastSequence = sequence;
            windowStartNanos = nowNanos;
            return;
        }
        long gap = sequence - lastSequence - 1;
        if (gap > 0) {
            sequenceGaps.addAndGet(gap);
        } else if (gap < 0) {
            sequenceRepeats.incrementAndGet();
            if (repeatObserver != null) {
                repeatObserver.repeated(lastSequence, sequence);
            }
        }
        lastSequence = sequence;
        windowFrames++;
        long elapsed = nowNanos - windowStartNanos;
        if (elapsed >= WINDOW_NANOS) {
            fps = windowFrames * (double) WINDOW_NANOS / elapsed;
            windowStartNanos = nowNanos;
            windowFrames = 0;
        }
    }

    /** Capture thread: the frame has been offered to every subscriber. */
    void countCaptured() {
        captured.incrementAndGet();
    }

    void countFallbackCopy() {
        fallbackCopies.incrementAndGet();
    }

    void countReclaimedLease() {
        reclaimedLeases.incrementAndGet();
    }

    long captured() {
        return captured.get();
    }

    long sequenceGaps() {
        return sequenceGaps.get();
    }

    /** Frames numbered no higher than the frame before them: the same number again, or a lower one. */
    long sequenceRepeats() {
        return sequenceRepeats.get();
    }

    long corrupted() {
        return corrupted.get();
    }

    long fallbackCopies() {
        return fallbackCopies.get();
    }

    long reclaimedLeases() {
        return reclaimedLeases.get();
    }

    /**
     * Frames per second over the last full window of about a second (frame intervals in it, divided by its
     * length); 0 before the first window closes or once frames stop coming.
     */
    double fps(long nowNanos) {
        long last = lastFrameNanos;
        return last == 0 || nowNanos - last > STALE_NANOS ? 0 : fps;
    }

    /** Told on the capture thread of each frame numbered no higher than the one before it. */
    @FunctionalInterface
    interface RepeatObserver {
        void repeated(long previous, long sequence);
    }
}
