package io.kapture.delivery.internal;

import java.util.concurrent.TimeUnit;

/**
 * The zero-copy strategy's tuning, checked.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param minQueued      below this many buffers queued to the driver a frame is copied instead of leased
 * @param leaseTimeoutMs how long a leased frame (a driver buffer or a fallback copy) may be held before it is
 *                       taken back
 * @param maxHeldBytes   the most pooled bytes held fallback copies may pin before the oldest are taken back
 */
record ZeroCopySettings(int minQueued, long leaseTimeoutMs, long maxHeldBytes) {

    /** The configuration PID these settings come from, named in messages about them. */
    static final String PID = "io.kapture.delivery.zerocopy";

    /** The longest lease accepted: a day; longer would starve the driver for good anyway. */
    static final long MAX_LEASE_TIMEOUT_MS = TimeUnit.DAYS.toMillis(1);

    ZeroCopySettings {
        if (minQueued < 0) {
            throw new IllegalArgumentException("min.queued must be 0 or more (0 never copies), was " + minQueued);
        }
        if (leaseTimeoutMs < 1 || leaseTimeoutMs > MAX_LEASE_TIMEOUT_MS) {
            throw new IllegalArgumentException("lease.timeout.ms must be between 1 and " + MAX_LEASE_TIMEOUT_MS
                    + ", was " + leaseTimeoutMs);
        }
        if (maxHeldBytes < 0) {
            throw new IllegalArgumentException("max.held.bytes must be 0 or more (0 keeps only the newest copy held),"
                    + " was " + maxHeldBytes);
        }
    }

    /** With the default {@code max.held.bytes}. */
    ZeroCopySettings(int minQueued, long leaseTimeoutMs) {
        this(minQueued, leaseTimeoutMs, PooledFrames.DEFAULT_MAX_HELD_BYTES);
    }

    long leaseTimeoutNanos() {
        return TimeUnit.MILLISECONDS.toNanos(leaseTimeoutMs);
    }

    /** How often the reaper looks for expired leases: a quarter of the lease, between 5 ms and 1 s. */
    long reapPeriodMs() {
        return Math.max(5, Math.min(1000, leaseTimeoutMs / 4));
    }
}
