package io.kapture.api.listener;

/**
 * Picks frames at a steady pace out of a faster stream, for listeners that want one frame per interval (a
 * snapshot every minute, a preview at 10 fps): the first frame, then the first frame at or after each further
 * interval mark. Marks follow the frames' receive times, not the time of the pick, so picks do not drift later
 * and later; after a pause longer than the interval the marks start again from the next frame. No timer thread:
 * a camera that sends nothing gets nothing picked.
 *
 * <p>Threading contract: not thread-safe; one listener's delivery thread asks, which the engine guarantees by
 * calling {@link io.kapture.api.FrameListener#onFrame} for one camera one frame at a time.
 */
public final class IntervalSampler {

    private final long intervalNanos;
    private boolean started;
    private long nextDueNanos;

    /**
     * @param intervalNanos time between two picks, more than 0
     * @throws IllegalArgumentException if the interval is not positive
     */
    public IntervalSampler(long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be more than 0 ns, was " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
    }

    /**
     * Whether the frame received at {@code receivedNanos} ({@link io.kapture.api.Frame#receivedNanos()}) is to be
     * picked; if so, the next mark is set. Ask only for frames that may be picked: a skipped frame (corrupted, say)
     * that was asked about has used its mark.
     */
    public boolean due(long receivedNanos) {
        if (started && receivedNanos - nextDueNanos < 0) {
            return false;
        }
        boolean onPace = started && receivedNanos - nextDueNanos < intervalNanos;
        nextDueNanos = (onPace ? nextDueNanos : receivedNanos) + intervalNanos;
        started = true;
        return true;
    }
}
