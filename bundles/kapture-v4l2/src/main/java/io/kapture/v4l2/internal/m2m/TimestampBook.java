package io.kapture.v4l2.internal.m2m;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries each frame's sequence number and capture time through the encoder. V4L2 copies an OUTPUT buffer's
 * timestamp to the CAPTURE buffer coded from it ({@code V4L2_BUF_FLAG_TIMESTAMP_COPY}), but only as a
 * {@code timeval}: microseconds. So every queued frame gets a distinct microsecond key (its own capture time,
 * moved on by a microsecond where two frames would share one), and the coded buffer's key finds the frame again.
 * Bounded: keys of frames the driver dropped are forgotten oldest first.
 *
 * <p>Threading: confined to the encoder's caller thread.
 */
final class TimestampBook {

    /** A frame's identity. */
    record Entry(long sequence, long timestampNanos) {
    }

    private static final int LIMIT = 256;

    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private long lastKeyMicros = Long.MIN_VALUE;
    private long unmatched;

    /** Records a frame; returns the timestamp to queue it with, in nanoseconds (whole microseconds). */
    long add(long sequence, long timestampNanos) {
        long key = Math.max(Math.floorDiv(timestampNanos, 1_000L), lastKeyMicros == Long.MIN_VALUE
                ? Long.MIN_VALUE : lastKeyMicros + 1);
        lastKeyMicros = key;
        entries.put(key, new Entry(sequence, timestampNanos));
        if (entries.size() > LIMIT) {
            entries.remove(entries.keySet().iterator().next());
        }
        return key * 1_000L;
    }

    /** The frame a coded buffer with this timestamp came from; null (and counted) if none was recorded. */
    Entry take(long timestampNanos) {
        Entry entry = entries.remove(Math.floorDiv(timestampNanos, 1_000L));
        if (entry == null) {
            unmatched++;
        }
        return entry;
    }

    /** Frames queued and not yet seen coded. */
    int pending() {
        return entries.size();
    }

    /** Coded buffers whose timestamp matched no queued frame. */
    long unmatched() {
        return unmatched;
    }
}
