package io.kapture.benchmarks.soak;

import io.kapture.api.CaptureStats;
import io.kapture.api.ListenerStats;

/**
 * Counters added up over streams and listeners: frames captured, delivered, dropped by queue policy, lost by
 * the driver (sequence gaps), listener errors, zero-copy fallbacks and reclaimed leases, and frames whose camera
 * or content was wrong.
 *
 * <p>Not thread-safe: the soak's main thread owns it.
 */
final class Totals {
    long captured;
    long delivered;
    long dropped;
    long gaps;
    long errors;
    long fallbackCopies;
    long reclaimedLeases;
    long received;
    long mismatches;
    String firstMismatch;

    void add(CaptureStats stats) {
        captured += stats.captured();
        delivered += stats.delivered();
        dropped += stats.dropped();
        gaps += stats.sequenceGaps();
        fallbackCopies += stats.fallbackCopies();
        reclaimedLeases += stats.reclaimedLeases();
        errors += stats.listeners().stream().mapToLong(ListenerStats::errors).sum();
    }

    /** Adds one listener's figures alone, for a listener that leaves a stream that keeps running. */
    void add(ListenerStats listener) {
        delivered += listener.delivered();
        dropped += listener.dropped();
        errors += listener.errors();
    }

    void add(CheckingListener listener) {
        received += listener.frames();
        mismatches += listener.mismatches();
        if (firstMismatch == null) {
            firstMismatch = listener.firstMismatch();
        }
    }

    Totals copy() {
        Totals copy = new Totals();
        copy.captured = captured;
        copy.delivered = delivered;
        copy.dropped = dropped;
        copy.gaps = gaps;
        copy.errors = errors;
        copy.fallbackCopies = fallbackCopies;
        copy.reclaimedLeases = reclaimedLeases;
        copy.received = received;
        copy.mismatches = mismatches;
        copy.firstMismatch = firstMismatch;
        return copy;
    }
}
