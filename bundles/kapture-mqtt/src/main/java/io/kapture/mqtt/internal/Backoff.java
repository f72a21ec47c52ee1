package io.kapture.mqtt.internal;

/**
 * Reconnect delays: the first failure waits {@code min}, each further one twice as long up to {@code max}, and a
 * success starts again from {@code min}.
 *
 * <p>Not thread-safe: used by the link's thread only.
 */
final class Backoff {

    private final long min;
    private final long max;
    private long next;

    Backoff(long min, long max) {
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** The delay before the next attempt, and doubles the one after. */
    long next() {
        long delay = next;
        next = Math.min(max, next * 2);
        return delay;
    }

    void reset() {
        next = min;
    }
}
