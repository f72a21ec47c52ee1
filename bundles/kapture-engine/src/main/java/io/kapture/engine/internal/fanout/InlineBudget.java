package io.kapture.engine.internal.fanout;

import java.util.concurrent.TimeUnit;

/**
 * How long a listener called on the capture thread ({@link io.kapture.api.ListenerPlacement#INLINE}) may take
 * before it is moved to its own delivery thread, from the stream's frame rate and driver buffers.
 *
 * <p>Why these limits: while the listener runs, the capture thread dequeues nothing, and the driver fills its
 * buffers meanwhile. A call over half the frame interval leaves the capture thread too little of the interval for
 * its own work, so the buffers run down frame after frame; {@value #SLOW_CALLS_IN_A_ROW} such calls in a row are
 * a listener that is slow, not one preempted once or paused by a garbage collection. A single call longer than the
 * driver's buffers last (buffers × frame interval) has already cost frames, so it moves at once. A call that does
 * not return at all is the watchdog's ({@link #STUCK_MILLIS}).
 *
 * <p>Immutable.
 *
 * @param slowCallNanos a call longer than this is slow: half the frame interval
 * @param ringNanos     a call longer than this moves the listener at once: the driver's buffers times the interval
 * @param buffers       the driver's buffers, for the log
 */
public record InlineBudget(long slowCallNanos, long ringNanos, int buffers) {

    /** Slow calls in a row that move a listener to its delivery thread. */
    public static final int SLOW_CALLS_IN_A_ROW = 3;

    /**
     * How long a call on the capture thread may last before the watchdog moves the listener to its delivery thread
     * and goes on capturing on a new thread. Well beyond any frame interval, so only a listener that blocks meets
     * it; the watchdog looks every {@link #WATCH_PERIOD_MILLIS}, so a stuck call is taken over within the sum.
     */
    public static final long STUCK_MILLIS = 1000;

    /**
     * How often the watchdog looks, while a stream has a listener on its capture thread. Its wake-ups cost CPU as
     * the hand-off did: the control thread took 0.74 k instructions a frame at 40 fps in the vivid guest looking
     * once a second, 0.61 k every two seconds (bench-long, frames 3,000-4,000, one run each; the hand-off cost
     * 14 k a frame), the executor's and the check's code running in the interpreter at so few calls. A stuck call
     * is taken over 1 to 3 s after it began; the driver has dropped frames long before either way. Since the
     * watchdog parks on a thread of its own instead (session's InlineWatchdog), a wake-up costs about 10 k: 0.12 k
     * a frame at this period, against 0.59 k for the control thread's periodic task in the same bench.
     */
    public static final long WATCH_PERIOD_MILLIS = 2000;

    /** The frame interval assumed for a source that does not say its rate (unthrottled): 30 fps. */
    static final long UNKNOWN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1) / 30;

    /** For a stream of unknown rate with 4 buffers (the rehearsal, tests). */
    public static final InlineBudget UNKNOWN_RATE = of(0, 4);

    /** The budget of a stream at {@code framesPerSecond} (0 or less: unknown) with {@code buffers} buffers. */
    public static InlineBudget of(double framesPerSecond, int buffers) {
        long interval = framesPerSecond > 0 ? (long) (TimeUnit.SECONDS.toNanos(1) / framesPerSecond)
                : UNKNOWN_INTERVAL_NANOS;
        int count = Math.max(1, buffers);
        return new InlineBudget(interval / 2, interval * count, count);
    }
}
