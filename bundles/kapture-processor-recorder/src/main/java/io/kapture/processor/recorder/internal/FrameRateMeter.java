package io.kapture.processor.recorder.internal;

import java.util.OptionalDouble;

/**
 * The rate frames reach the recorder, measured from their capture times over the last {@value #WINDOW} frames: what
 * the H.264 encoder's rate control must spread its bit budget over. A camera's configured rate is not enough: a
 * driver may negotiate another, and frames the recorder's queue drops never reach the encoder. A capture time that
 * goes backwards, or a gap of more than {@value #MAX_GAP_SECONDS} s (a camera that stalled or was reconfigured),
 * begins the measurement anew.
 *
 * <p>Threading contract: not thread-safe; used by the one thread that encodes.
 */
final class FrameRateMeter {

    static final int WINDOW = 16;
    static final int MAX_GAP_SECONDS = 2;
    /** Rates the encoder settings take: above 0, at most 240. */
    static final double MIN_FPS = 0.1;
    static final double MAX_FPS = 240;

    private final long[] times = new long[WINDOW];
    private int count;
    private int next;

    /** Notes one frame's capture time (monotonic nanoseconds). */
    void add(long timestampNanos) {
        if (count > 0) {
            long gap = timestampNanos - times[(next + WINDOW - 1) % WINDOW];
            if (gap <= 0 || gap > MAX_GAP_SECONDS * 1_000_000_000L) {
                count = 0;
            }
        }
        times[next] = timestampNanos;
        next = (next + 1) % WINDOW;
        count = Math.min(WINDOW, count + 1);
    }

    /** Frames per second over the window, from 0.1 to 240; empty before two frames. */
    OptionalDouble fps() {
        if (count < 2) {
            return OptionalDouble.empty();
        }
        long newest = times[(next + WINDOW - 1) % WINDOW];
        long oldest = times[(next + WINDOW - count) % WINDOW];
        double fps = (count - 1) * 1e9 / (newest - oldest);
        return OptionalDouble.of(Math.max(MIN_FPS, Math.min(MAX_FPS, fps)));
    }

    /** Frames measured so far (at most the window). */
    int frames() {
        return count;
    }
}
