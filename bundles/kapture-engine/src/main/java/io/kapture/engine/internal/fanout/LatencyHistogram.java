package io.kapture.engine.internal.fanout;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A small log-linear histogram of nanosecond latencies: each power of two is split into eight equal buckets,
 * so a percentile is exact below 8 ns and within 12.5 % above, from nanoseconds to decades, in 488 counters.
 * Recording is an index computation and one atomic increment: no allocation, no lock.
 *
 * <p>Thread-safety: {@link #record} may be called from any number of threads; readers get a consistent enough
 * view (each bucket is exact, buckets are read one after the other) without stopping writers.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 3;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    /** Enough buckets for every non-negative long: the highest exponent is 62. */
    private static final int BUCKETS = SUB_BUCKETS + (62 - SUB_BITS) * SUB_BUCKETS + SUB_BUCKETS;

    /** Longs below this convert to double exactly. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong max = new AtomicLong();

    /** Adds one latency; negative values (clock oddities) count as 0. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.incrementAndGet(index(value));
        long seen = max.get();
        while (value > seen && !max.compareAndSet(seen, value)) {
            seen = max.get();
        }
    }

    /** Values recorded so far. */
    public long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The largest value recorded; 0 when empty. */
    public long max() {
        return max.get();
    }

    /**
     * The value below or at which {@code fraction} of the recorded values lie, as the upper edge of its bucket
     * (never above {@link #max()}); 0 when empty.
     */
    public long percentile(double fraction) {
        long[] snapshot = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max.get());
            }
        }
        return max.get();
    }

    static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        // the highest set bit: below 2^53 a long converts to double exactly, and the double's exponent is a mask
        // away, where Long.numberOfLeadingZeros runs as Java code in C1-compiled callers on CPUs without LZCNT
        // (the emulated vivid guest's: ~300 instructions a frame of a capture-thread listener)
        int exponent = value < EXACT_IN_DOUBLE ? Math.getExponent((double) value)
                : 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) (value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return SUB_BUCKETS + (exponent - SUB_BITS) * SUB_BUCKETS + sub;
    }

    static long upperBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = (index - SUB_BUCKETS) / SUB_BUCKETS;
        long sub = (index - SUB_BUCKETS) % SUB_BUCKETS;
        long lower = (SUB_BUCKETS + sub) << shift;
        return lower + (1L << shift) - 1;
    }
}
