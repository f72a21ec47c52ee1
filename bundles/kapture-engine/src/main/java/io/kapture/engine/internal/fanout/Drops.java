package io.kapture.engine.internal.fanout;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import io.kapture.api.DropCause;
import io.kapture.api.Frame;

/**
 * One subscriber's dropped frames: the one place a frame that is not delivered is let go of, counted by
 * {@link DropCause} and released in the same step, so that no drop is released uncounted or counted unreleased.
 * Drops are the exception, so an atomic increment each is cheap enough; nothing is counted on the path of a frame
 * that is delivered.
 *
 * <p>Thread-safety: frames are dropped from the capture thread, the delivery thread and a closing thread at once,
 * each dropping only handles it won from a ring (or was handed); read from any thread (each count exact;
 * {@link #byCause} reads them one after another).
 */
final class Drops {

    private static final DropCause[] CAUSES = DropCause.values();

    private final AtomicLongArray counts = new AtomicLongArray(CAUSES.length);

    /** Counts {@code handle} as dropped for {@code cause} and releases it; the caller owned it. */
    void drop(Frame handle, DropCause cause) {
        counts.incrementAndGet(cause.ordinal());
        handle.release();
    }

    /** Takes every frame {@code ring} still holds and drops each; frames another taker wins are theirs. */
    void drain(FrameRing ring, DropCause cause) {
        Frame frame;
        while ((frame = ring.take()) != null) {
            drop(frame, cause);
        }
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
