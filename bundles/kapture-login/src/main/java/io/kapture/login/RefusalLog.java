package io.kapture.login;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Writes refused logins to the log at most once per interval, so that someone guessing passwords cannot fill the
 * disk: the first refusal of an interval is written, with how many were left out since the last line. A line
 * names the peer's address, the user name and why, never the password or the {@code Authorization} header.
 *
 * <p>Thread-safe: request threads call {@link #refused} at once; one lock guards the counters.
 */
public final class RefusalLog {

    private final Logger log;
    private final String endpoint;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long nextLineNanos;
    private boolean wroteAny;
    private long leftOut;

    /**
     * @param log       where lines go (WARN)
     * @param endpoint  what was refused, for the line: "Kapture's web endpoints", "the RTSP server"
     * @param interval  time between two lines at least, in {@code unit}
     * @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime} outside tests
     */
    public RefusalLog(Logger log, String endpoint, long interval, TimeUnit unit, LongSupplier nanoClock) {
        this.log = log;
        this.endpoint = endpoint;
        this.intervalNanos = unit.toNanos(interval);
        this.nanoClock = nanoClock;
    }

    /**
     * Notes a refusal and writes it unless a line was written less than an interval ago.
     *
     * @param peer the remote address as the container reports it
     * @param user the user name, already made printable ({@link BasicCredentials#printableUser()})
     * @param why  the reason, without any secret
     * @return whether a line was written
     */
    public boolean refused(String peer, String user, String why) {
        long left;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (wroteAny && now - nextLineNanos < 0) {
                leftOut++;
                return false;
            }
            wroteAny = true;
            nextLineNanos = now + intervalNanos;
            left = leftOut;
            leftOut = 0;
        }
        log.warn("Refused a request to {} from {} as user '{}': {}{}", endpoint, peer, user, why,
                left == 0 ? "" : " (" + left + " more refusals since the last such line were not logged; at most"
                        + " one line every " + TimeUnit.NANOSECONDS.toSeconds(intervalNanos) + " s)");
        return true;
    }
}
