package io.kapture.engine.internal.fanout;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import io.kapture.api.DropCause;

/**
 * One subscriber's dropped frames, counted by {@link DropCause}. Drops are the exception, so an atomic increment
 * each is cheap enough; nothing is counted on the path of a frame that is delivered.
 *
 * <p>Thread-safety: counted from the capture thread, the delivery thread and a closing thread at once; read from
 * any thread (each count exact; {@link #byCause} reads them one after another).
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

    /** The causes that happened, with their counts. */
    Map<DropCause, Long> byCause() {
        Map<DropCause, Long> byCause = new EnumMap<>(DropCause.class);
        for (DropCause cause : CAUSES) {
            long count = get(cause);
            if (count > 0) {
                byCause.put(cause, count);
            }
        }
        return byCause;
    }
}
