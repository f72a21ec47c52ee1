package io.kapture.engine.internal.fanout;

/**
 * How many times a delivery thread that finds its queue empty yields its core before it parks. Yielding pays when
 * more threads want the cores than there are (a camera with eight listeners on two cores): the next frame is often
 * there when the yielder runs again, and neither side pays for a park and a wake-up. It costs when it never pays:
 * a listener of a 1000 fps camera reached its frame 10.5 µs after dequeue when yielding before every park and
 * 4.7 µs when parking at once (LatencyProbe, this 2-core VM), presumably because the scheduler lets a thread that
 * just yielded wait longer once woken. So yielding stops after {@link #FRUITLESS_WAITS} waits in a row whose
 * yields found nothing, and is tried again on every {@link #PROBE_EVERY}-th wait after that, in case the load
 * rose; a frame found after a yield keeps it on.
 *
 * <p>Threading contract: not thread-safe; used by one delivery thread only.
 */
final class YieldPolicy {

    /** Yields before parking while yielding pays. */
    static final int YIELDS = 5;

    /** Waits in a row whose yields found nothing before the thread parks at once. */
    static final int FRUITLESS_WAITS = 4;

    /** While parking at once, every this-many-th wait yields again to see whether it pays now. */
    static final int PROBE_EVERY = 32;

    private int yields = YIELDS;
    /** Fruitless yielding waits in a row, or waits since yielding stopped. */
    private int streak;

    /** Yields allowed before the next park: {@link #YIELDS} or 0. */
    int yields() {
        return yields;
    }

    /** A frame was there after {@code yielded} yields of this wait. */
    void found(int yielded) {
        if (yielded > 0) {
            yields = YIELDS;
            streak = 0;
        }
    }

    /** The thread parked after {@code yielded} yields found nothing. */
    void parked(int yielded) {
        streak++;
        if (yielded > 0) {
            if (streak >= FRUITLESS_WAITS) {
                yields = 0;
                streak = 0;
            }
        } else if (streak >= PROBE_EVERY) {
            // one probing wait: fruitless, it turns yielding off again at once
            yields = YIELDS;
            streak = FRUITLESS_WAITS - 1;
        }
    }
}
