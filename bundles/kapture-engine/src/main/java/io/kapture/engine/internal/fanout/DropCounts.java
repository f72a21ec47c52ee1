package io.kapture.engine.internal.fanout;

import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One subscriber's dropped frames, counted by {@link DropCause}. Drops are the exception, so an atomic increment
 * each is cheap enough; nothing is counted on the path of a frame that is delivered.
 *
 * <p>Thread-safety: counted from the capture thread, the delivery thread and a closing thread at once; read from
 * any thread (each count exact, the total a sum of counts read one after another).
 */
final class DropCounts {

    private static final DropCause[] CAUSES = DropCause.values();

    private final AtomicLongArray counts = new AtomicLongArray(CAUSES.length);

    void count(DropCause cause) {
        counts.incrementAndGet(cause.ordinal());
    }

    long get(DropCause cause) {
        return counts.get(cause.ordinal());
    }

    long total() {
        long total = 0;
        for (int i = 0; i < CAUSES.length; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** For example {@code "12 (queue full 10, discarded at stop 2)"}. */
    @Override
    public String toString() {
        StringJoiner causes = new StringJoiner(", ", " (", ")").setEmptyValue("");
        long total = 0;
        for (DropCause cause : CAUSES) {
            long count = get(cause);
            if (count > 0) {
                causes.add(cause.words() + " " + count);
                total += count;
            }
        }
        return total + causes.toString();
    }
}
