package io.kapture.api;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one capture session's counters.
 *
 * <p>Per listener, every captured frame is either delivered or dropped for a counted reason, so for each
 * listener that was subscribed for the whole run {@code captured == delivered + dropped + queued}.
 *
 * @param startedAtMillis   wall-clock time the current stream started, in ms since the epoch; 0 if never started
 * @param restarts          times the stream was restarted (configuration change, stall, recovery) since the
 *                          camera was configured; the other counters cover the current stream only
 * @param captured          frames taken from the driver
 * @param sequenceGaps      frames the driver dropped, seen as gaps in its sequence numbers
 * @param sequenceRepeats   frames the driver numbered no higher than the frame before (the same number again, or
 *                          a lower one as from a counter that restarted); still delivered, never counted as gaps
 *                          (since 1.3)
 * @param corrupted         frames the driver flagged as corrupted (still delivered, flagged)
 * @param fallbackCopies    zero-copy frames copied because the driver was running out of buffers
 * @param reclaimedLeases   frames taken back from listeners that kept them too long: zero-copy frames (driver buffers
 *                          or fallback copies) past the lease timeout, and pooled frames beyond the strategy's
 *                          {@code max.held.bytes}
 * @param fps               frames per second measured over the last second or so
 * @param queuedBuffers     driver buffers queued and ready to be filled right now
 * @param bufferCount       driver buffers in all
 * @param listeners         per-listener figures
 * @param pool              the frame pool's counters, where the session uses one
 */
public record CaptureStats(long startedAtMillis, long restarts, long captured, long sequenceGaps,
        long sequenceRepeats, long corrupted, long fallbackCopies, long reclaimedLeases, double fps, int queuedBuffers,
        int bufferCount, List<ListenerStats> listeners, Optional<FramePoolStats> pool) {

    public CaptureStats {
        listeners = List.copyOf(listeners);
    }

    /** The stats as of 1.2, without {@code sequenceRepeats} (read as 0); kept for callers compiled against it. */
    public CaptureStats(long startedAtMillis, long restarts, long captured, long sequenceGaps, long corrupted,
            long fallbackCopies, long reclaimedLeases, double fps, int queuedBuffers, int bufferCount,
            List<ListenerStats> listeners, Optional<FramePoolStats> pool) {
        this(startedAtMillis, restarts, captured, sequenceGaps, 0, corrupted, fallbackCopies, reclaimedLeases, fps,
                queuedBuffers, bufferCount, listeners, pool);
    }

    /** Frames delivered to all listeners together. */
    public long delivered() {
        return listeners.stream().mapToLong(ListenerStats::delivered).sum();
    }

    /** Frames dropped by queue policies over all listeners together. */
    public long dropped() {
        return listeners.stream().mapToLong(ListenerStats::dropped).sum();
    }
}
