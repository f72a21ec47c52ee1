package io.kapture.engine.internal.fanout;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs a recurring warning without flooding the log: the first occurrence with its stack trace, then at most one
 * line per interval saying how many occurrences it stands for. A listener that throws on every frame at 60 fps
 * would otherwise write 60 stack traces a second.
 *
 * <p>Thread-safety: {@link #warn} may be called from any thread; counting is exact, the choice of which
 * occurrence gets logged is a race that only one caller wins.
 */
public final class RateLimitedLog {

    private static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Logger log;
    private final long intervalNanos;
    private final AtomicBoolean firstLogged = new AtomicBoolean();
    private final AtomicLong nextNanos = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger log) {
        this(log, DEFAULT_INTERVAL_NANOS);
    }

    RateLimitedLog(Logger log, long intervalNanos) {
        this.log = log;
        this.intervalNanos = intervalNanos;
    }

    /** Reports one occurrence; {@code message} should say who failed doing what. */
    public void warn(String message, Throwable cause) {
        long now = System.nanoTime();
        if (firstLogged.compareAndSet(false, true)) {
            nextNanos.set(now + intervalNanos);
            log.warn(message, cause);
            return;
        }
        if (dueAgain(now)) {
            log.warn("{} ({}; {} more like it since the last report)", message, cause, suppressed.getAndSet(0));
        }
    }

    /** Reports one occurrence of something that is no exception (a misbehaving driver): no stack trace. */
    public void warn(String message) {
        long now = System.nanoTime();
        if (firstLogged.compareAndSet(false, true)) {
            nextNanos.set(now + intervalNanos);
            log.warn(message);
            return;
        }
        if (dueAgain(now)) {
            log.warn("{} ({} more like it since the last report)", message, suppressed.getAndSet(0));
        }
    }

    /** True for the one caller whose occurrence is logged this interval; the others are counted as suppressed. */
    private boolean dueAgain(long now) {
        long next = nextNanos.get();
        if (now - next >= 0 && nextNanos.compareAndSet(next, now + intervalNanos)) {
            return true;
        }
        suppressed.incrementAndGet();
        return false;
    }
}
