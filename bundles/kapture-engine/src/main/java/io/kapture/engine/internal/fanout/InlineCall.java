package io.kapture.engine.internal.fanout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.kapture.api.ListenerPlacement;

/**
 * Where a subscriber's listener is called, and its calls on the capture thread while it is the stream's inline
 * listener ({@link ListenerPlacement#INLINE}): when each began, whether one is in progress, whether it is too slow
 * for the camera ({@link InlineBudget}), and the take-over of a call that does not return.
 *
 * <p>A call's state is one number: even between calls, odd during one, {@link #TAKEN_OVER} once a call was taken
 * over. The caller makes it odd before the call and even after it with a compare-and-set; whoever takes over a
 * call (the watchdog, or a stop that waited long enough) sets {@link #TAKEN_OVER} with a compare-and-set from the
 * odd value it saw. Exactly one of the two wins for each call: if the caller wins the call simply ended, if the
 * taker wins the caller learns it when the call returns and ends its thread without touching its loop again,
 * while a new capture thread has gone on meanwhile. The number changes with each call, so a taker that looked at
 * one call never takes over a later one.
 *
 * <p>Why no call can overlap a delivery-thread call of the same listener: a listener is demoted either by the
 * capture thread itself after its call returned ({@link #judge}), so its next frame goes to the queue only after
 * that, or by a take-over during a call, which records the stuck thread first; the delivery thread then waits in
 * {@link #awaitStuckReturn} until that call returned before it calls the listener.
 *
 * <p>Threading contract: {@link #begin}, {@link #end} and {@link #judge} run on the capture thread (the caller);
 * {@link #takeOver} on the session's control thread; {@link #awaitStuckReturn} on the subscriber's delivery
 * thread; {@link #stuckReturned} on the thread whose call was taken over; the queries from any thread.
 */
final class InlineCall {

    /** The state once a call was taken over; even, so it never reads as a call in progress. */
    static final long TAKEN_OVER = Long.MIN_VALUE;

    /** How often the delivery thread looks whether a taken-over call returned; only while one has not. */
    private static final long STUCK_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(InlineCall.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long state;
    /**
     * Plain: written by the caller before its volatile write of {@link #state}, read by a taker after its volatile
     * read of it, so a taker that sees a call's odd state sees that call's start and thread (or a later call's,
     * whose state its compare-and-set then does not match). One volatile store per call, not three.
     */
    private long startedNanos;
    private Thread caller;
    /** The thread left in a taken-over call, until that call returns; null otherwise. */
    private volatile Thread stuck;
    private volatile ListenerPlacement placement;
    private volatile String reason = "";
    private volatile InlineBudget budget = InlineBudget.UNKNOWN_RATE;
    /** Capture thread only: calls in a row that took longer than the budget's slow-call limit. */
    private int slowInARow;

    InlineCall(ListenerPlacement initial) {
        this.placement = initial;
    }

    ListenerPlacement placement() {
        return placement;
    }

    String reason() {
        return reason;
    }

    /** Whether the capture thread calls the listener now. Any thread; a volatile read. */
    boolean inline() {
        return placement == ListenerPlacement.INLINE;
    }

    /** Makes this the stream's inline listener, judged by {@code limits}; before it is published to the capture thread. */
    void grantInline(InlineBudget limits) {
        budget = limits;
        placement = ListenerPlacement.INLINE;
    }

    /** Capture thread: a call begins now. */
    void begin(long nowNanos) {
        Thread current = Thread.currentThread();
        if (caller != current) {
            caller = current;
        }
        startedNanos = nowNanos;
        STATE.setVolatile(this, state + 1);
    }

    /** Capture thread: the call returned; false if it was taken over meanwhile, and the caller must end. */
    boolean end() {
        long current = state;
        return current != TAKEN_OVER && STATE.compareAndSet(this, current, current + 1);
    }

    /**
     * Whether a call in progress began more than {@code limitNanos} before {@code nowNanos}: a hint for the
     * watchdog, which then has the control thread {@link #takeOver} (which checks again). Any thread.
     */
    boolean overdue(long nowNanos, long limitNanos) {
        return (state & 1) != 0 && nowNanos - startedNanos > limitNanos;
    }

    /** Whether a call is in progress now (and not taken over). Any thread. */
    boolean inCall() {
        return (state & 1) != 0;
    }

    /**
     * Capture thread, after a call of {@code tookNanos} returned: moves the listener to its delivery thread when
     * it is too slow for the camera, and returns why, or null when it stays.
     */
    String judge(long tookNanos) {
        InlineBudget limits = budget;
        String why = null;
        if (tookNanos > limits.ringNanos()) {
            why = "one call took " + millis(tookNanos) + " ms, longer than the driver's " + limits.buffers()
                    + " buffers last (" + millis(limits.ringNanos()) + " ms)";
        } else if (tookNanos > limits.slowCallNanos()) {
            slowInARow++;
            if (slowInARow >= InlineBudget.SLOW_CALLS_IN_A_ROW) {
                why = slowInARow + " calls in a row took over half the frame interval (" + millis(tookNanos)
                        + " ms, more than " + millis(limits.slowCallNanos()) + " ms)";
            }
        } else {
            slowInARow = 0;
        }
        if (why != null) {
            demote(why);
        }
        return why;
    }

    /**
     * Control thread: takes over the call in progress if it began more than {@code limitNanos} before
     * {@code nowNanos}; returns the thread left in it (to be replaced as capture thread), or null if there was no
     * such call. The listener is demoted with {@code why}.
     */
    Thread takeOver(long nowNanos, long limitNanos, String why) {
        long seen = state;
        if ((seen & 1) == 0 || nowNanos - startedNanos <= limitNanos) {
            return null;
        }
        Thread left = caller;
        stuck = left;
        if (!STATE.compareAndSet(this, seen, TAKEN_OVER)) {
            stuck = null;
            return null;
        }
        demote(why);
        return left;
    }

    /** The thread whose call was taken over and has not returned yet, or null. Any thread. */
    Thread stuck() {
        return stuck;
    }

    /** The thread whose call was taken over: the call returned; wakes the delivery thread waiting for it. */
    void stuckReturned(Thread delivery) {
        stuck = null;
        LockSupport.unpark(delivery);
    }

    /**
     * Delivery thread: waits until no taken-over call is in progress, so that the listener is never called twice
     * at once; false if {@code handoff} closed meanwhile (nothing is to be delivered any more).
     */
    boolean awaitStuckReturn(Handoff handoff) {
        while (stuck != null) {
            if (handoff.isClosed()) {
                return false;
            }
            LockSupport.parkNanos(this, STUCK_POLL_NANOS);
        }
        return true;
    }

    private void demote(String why) {
        reason = why;
        placement = ListenerPlacement.DEMOTED;
    }

    static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
