package io.kapture.processor.stats.internal;

import io.kapture.processor.stats.CameraMetrics;

/**
 * One camera's statistics: counts since the first frame, and a ring of the recent frames' timestamps and
 * inter-frame intervals from which a snapshot computes frame rate and jitter. Adding a frame is O(1) and
 * allocation-free once the ring has grown to hold a window of frames; a snapshot is O(frames in the window).
 *
 * <p>An interval is stored per sequence step: across a gap of {@code n} sequence numbers the elapsed time is
 * divided by {@code n}, so frames dropped upstream count as gaps rather than as jitter. A sequence number that
 * does not increase means the stream was restarted, which starts a new window (the counts go on).
 *
 * <p>Threading: guarded by its own monitor. Only the camera's delivery thread adds frames, so the lock is
 * uncontended except while a reader takes a snapshot.
 */
final class CameraWindow {

    /** Frames kept at most; at 60 fps this is a window of 18 minutes, beyond it the window is shorter. */
    static final int MAX_CAPACITY = 1 << 16;

    private static final int INITIAL_CAPACITY = 256;
    private static final long NO_INTERVAL = -1;
    private static final double NANOS_PER_MICRO = 1_000.0;
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final String camera;
    private long[] timestamps = new long[INITIAL_CAPACITY];
    private long[] intervals = new long[INITIAL_CAPACITY];
    private int oldest;
    private int size;

    private long frames;
    private long sequenceGaps;
    private long gapFrames;
    private long lastSequence;
    private long lastTimestamp;
    private long lastReceived;

    CameraWindow(String camera) {
        this.camera = camera;
    }

    /** Records a frame; frames older than {@code windowNanos} before it leave the window. */
    synchronized void add(long sequence, long timestampNanos, long receivedNanos, long windowNanos) {
        long interval = NO_INTERVAL;
        if (frames > 0) {
            long steps = sequence - lastSequence;
            long elapsed = timestampNanos - lastTimestamp;
            if (steps <= 0 || elapsed < 0) {
                size = 0;
            } else {
                if (steps > 1) {
                    sequenceGaps++;
                    gapFrames += steps - 1;
                }
                interval = elapsed / steps;
            }
        }
        frames++;
        lastSequence = sequence;
        lastTimestamp = timestampNanos;
        lastReceived = receivedNanos;
        evictOlderThan(timestampNanos - windowNanos);
        append(timestampNanos, interval);
    }

    /**
     * The figures now. A camera that sent nothing for a whole window ({@code nowNanos} on the clock of
     * {@link io.kapture.api.Frame#receivedNanos()}) shows no rate or jitter.
     */
    synchronized CameraMetrics snapshot(long nowNanos, long windowNanos) {
        evictOlderThan(lastTimestamp - windowNanos);
        long span = lastTimestamp - timestamps[oldest];
        if (size < 2 || span <= 0 || nowNanos - lastReceived > windowNanos) {
            return new CameraMetrics(camera, 0, 0, 0, frames, sequenceGaps, gapFrames);
        }
        long sum = 0;
        int count = 0;
        for (int i = 0; i < size; i++) {
            long interval = intervals[(oldest + i) & (intervals.length - 1)];
            if (interval != NO_INTERVAL) {
                sum += interval;
                count++;
            }
        }
        double mean = (double) sum / count;
        double deviationSum = 0;
        double deviationMax = 0;
        for (int i = 0; i < size; i++) {
            long interval = intervals[(oldest + i) & (intervals.length - 1)];
            if (interval != NO_INTERVAL) {
                double deviation = Math.abs(interval - mean);
                deviationSum += deviation;
                deviationMax = Math.max(deviationMax, deviation);
            }
        }
        double fps = (size - 1) * NANOS_PER_SECOND / span;
        return new CameraMetrics(camera, fps, deviationSum / count / NANOS_PER_MICRO, deviationMax / NANOS_PER_MICRO,
                frames, sequenceGaps, gapFrames);
    }

    private void evictOlderThan(long limit) {
        while (size > 0 && timestamps[oldest] < limit) {
            oldest = (oldest + 1) & (timestamps.length - 1);
            size--;
        }
    }

    private void append(long timestamp, long interval) {
        if (size == timestamps.length) {
            if (size < MAX_CAPACITY) {
                grow();
            } else {
                oldest = (oldest + 1) & (timestamps.length - 1);
                size--;
            }
        }
        int slot = (oldest + size) & (timestamps.length - 1);
        timestamps[slot] = timestamp;
        intervals[slot] = interval;
        size++;
    }

    /** Doubles the ring, unrolling it so the oldest frame is at index 0. */
    private void grow() {
        long[] newTimestamps = new long[timestamps.length * 2];
        long[] newIntervals = new long[intervals.length * 2];
        for (int i = 0; i < size; i++) {
            int from = (oldest + i) & (timestamps.length - 1);
            newTimestamps[i] = timestamps[from];
            newIntervals[i] = intervals[from];
        }
        timestamps = newTimestamps;
        intervals = newIntervals;
        oldest = 0;
    }
}
