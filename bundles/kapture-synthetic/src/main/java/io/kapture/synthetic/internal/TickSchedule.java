package io.kapture.synthetic.internal;

import java.util.SplittableRandom;

/**
 * When the synthetic camera's frames are due: tick {@code k} (the frame with sequence number {@code k}) at
 * {@code origin + (k + 1) / fps}, each delayed by a random 0..jitter, never earlier than the tick before. With
 * fps 0 there is no schedule: a frame is made whenever a buffer is queued.
 *
 * <p>Threading contract: not thread-safe; the buffer ring uses it under its lock.
 */
final class TickSchedule {
    private final long origin;
    private final double periodNanos;
    private final long jitterNanos;
    private final SplittableRandom random;
    private long tick;
    private long due;
    private long previousDue;

    TickSchedule(long origin, double fps, long jitterNanos, SplittableRandom random) {
        this.origin = origin;
        this.periodNanos = fps > 0 ? 1e9 / fps : 0;
        this.jitterNanos = Math.max(0, jitterNanos);
        this.random = random;
        this.previousDue = origin;
        this.due = dueOf(0);
    }

    /** Whether frames are made on demand rather than by the clock. */
    boolean unthrottled() {
        return periodNanos == 0;
    }

    /** Due time of the next tick (meaningless when unthrottled). */
    long nextDue() {
        return due;
    }

    /** The next tick happened: schedule the one after. */
    void advance() {
        previousDue = due;
        tick++;
        due = dueOf(tick);
    }

    /**
     * Skips every tick, from the next one on, that is due at {@code now} whatever its jitter: used to count lost
     * frames in bulk when no buffer is queued, so a long pause costs no loop per missed frame.
     *
     * @return ticks skipped, possibly 0
     */
    long skipCertainlyDue(long now) {
        long last = (long) Math.floor((now - origin - jitterNanos) / periodNanos) - 1;
        while (last >= tick && baseOf(last) + jitterNanos > now) {
            last--;
        }
        while (baseOf(last + 1) + jitterNanos <= now) {
            last++;
        }
        if (last < tick) {
            return 0;
        }
        long skipped = last - tick + 1;
        tick = last + 1;
        previousDue = Math.max(previousDue, baseOf(last));
        due = dueOf(tick);
        return skipped;
    }

    private long baseOf(long k) {
        return origin + Math.round((k + 1) * periodNanos);
    }

    private long dueOf(long k) {
        if (unthrottled()) {
            return origin;
        }
        long jitter = jitterNanos > 0 ? random.nextLong(jitterNanos + 1) : 0;
        return Math.max(previousDue, baseOf(k) + jitter);
    }
}
