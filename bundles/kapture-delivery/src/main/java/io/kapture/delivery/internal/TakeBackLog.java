package io.kapture.delivery.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * The warnings about frames a strategy took back from their holders, rate-limited: a hoarder at 1000 fps would
 * otherwise write 1000 warnings a second. The first take-back from each holder is a warning naming that holder,
 * why and what to do; later ones, from holders already named, are counted and summarised in one warning at most
 * every {@value #SUMMARY_PERIOD_SECONDS} s, with their number and holders. Every take-back is also counted in
 * the camera's statistics ({@code reclaimedLeases}) by the strategy, whatever this log says. A pending summary is
 * written at the next take-back or {@link #flushIfDue()} after its period.
 *
 * <p>At most {@value #MAX_NAMED_HOLDERS} holders are remembered, so that holder names made per frame cannot grow
 * this without bound: beyond them, take-backs go to the summaries only.
 *
 * <p>Threading contract: every method from any thread (the lease reaper and capture threads report at once);
 * state is guarded by this object's monitor. {@link #flushIfDue()} is cheap when nothing is pending: one volatile
 * read, so a capture thread may call it per frame.
 */
final class TakeBackLog {

    /** The least time between two summaries. */
    static final long SUMMARY_PERIOD_SECONDS = 60;

    /** Holders remembered by name, for their first warning and in summaries. */
    static final int MAX_NAMED_HOLDERS = 256;

    private static final String NO_HOLDER = "holders releasing it just then";
    private static final String OTHER_HOLDERS = "other holders";

    private final Sink sink;
    private final LongSupplier nanoClock;
    private final long periodNanos = TimeUnit.SECONDS.toNanos(SUMMARY_PERIOD_SECONDS);
    private final Set<String> warned = new HashSet<>();
    private final Map<String, Long> suppressedBy = new LinkedHashMap<>();
    private long suppressed;
    private long windowStartNanos;
    private String lastAdvice;
    private volatile boolean pending;

    /** Writes to {@code logger} at WARN, timing summaries by {@link System#nanoTime()}. */
    TakeBackLog(Logger logger) {
        this(logger::warn, System::nanoTime);
    }

    TakeBackLog(Sink sink, LongSupplier nanoClock) {
        this.sink = sink;
        this.nanoClock = nanoClock;
    }

    /**
     * One frame taken back.
     *
     * @param frame   what was taken back (sequence and camera)
     * @param holders the holders whose handles were still live
     * @param reason  why, naming the limit and its value
     * @param advice  what to do, naming the configuration keys
     */
    synchronized void tookBack(String frame, List<String> holders, String reason, String advice) {
        long now = nanoClock.getAsLong();
        boolean named = false;
        for (String holder : holders) {
            if (warned.size() < MAX_NAMED_HOLDERS && warned.add(holder)) {
                named = true;
                sink.warn("Took back " + frame + " from " + holder + ": " + reason + "; that holder gets "
                        + "IllegalStateException from it now. " + advice + " Further take-backs are summarised at "
                        + "most every " + SUMMARY_PERIOD_SECONDS + " s and all are counted in the camera's "
                        + "reclaimedLeases statistic.");
            }
        }
        if (!named) {
            if (suppressed == 0) {
                windowStartNanos = now;
            }
            suppressed++;
            String holder = holders.isEmpty() ? NO_HOLDER : String.join(", ", holders);
            if (suppressedBy.containsKey(holder) || suppressedBy.size() < MAX_NAMED_HOLDERS) {
                suppressedBy.merge(holder, 1L, Long::sum);
            } else {
                suppressedBy.merge(OTHER_HOLDERS, 1L, Long::sum);
            }
            lastAdvice = advice;
            pending = true;
        }
        summariseIfDue(now);
    }

    /** Writes the pending summary if its period is over. */
    void flushIfDue() {
        if (pending) {
            synchronized (this) {
                summariseIfDue(nanoClock.getAsLong());
            }
        }
    }

    private void summariseIfDue(long now) {
        if (suppressed == 0 || now - windowStartNanos < periodNanos) {
            return;
        }
        StringBuilder from = new StringBuilder();
        suppressedBy.forEach((holder, count) -> from.append(from.length() == 0 ? "" : "; ").append(holder)
                .append(" (").append(count).append(')'));
        sink.warn("Took back " + suppressed + " more frame(s) in the last "
                + TimeUnit.NANOSECONDS.toSeconds(now - windowStartNanos) + " s without a warning each, from: " + from
                + ". " + lastAdvice);
        suppressed = 0;
        suppressedBy.clear();
        pending = false;
    }

    /** Where the warnings go; the logger's WARN level outside tests. */
    @FunctionalInterface
    interface Sink {
        void warn(String message);
    }
}
