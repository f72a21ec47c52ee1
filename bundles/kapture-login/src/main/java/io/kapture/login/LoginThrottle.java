package io.kapture.login;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: a peer address that failed {@code maxFailures} logins within {@code window} is
 * refused without a login attempt until that window has passed since its first counted failure. A successful login
 * clears its count. At most {@value #MAX_PEERS} addresses are tracked; when more are, the oldest entry goes (a
 * guesser with that many addresses is not stopped by any per-address limit anyway), so memory stays bounded.
 *
 * <p>Thread-safe: many connection threads call it at once; one lock guards the table and the counters.
 */
public final class LoginThrottle {

    /** Peer addresses tracked at most. */
    public static final int MAX_PEERS = 4096;

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Failures> peers = new LinkedHashMap<>();
    private long failed;
    private long blocked;

    private static final class Failures {
        final long sinceNanos;
        int count;

        Failures(long sinceNanos) {
            this.sinceNanos = sinceNanos;
        }
    }

    /**
     * @param maxFailures failed logins of one address within the window before it is blocked (at least 1)
     * @param window      how long failures count, and how long a blocked address stays blocked at most
     * @param nanoClock   a monotonic clock in nanoseconds, {@link System#nanoTime} outside tests
     */
    public LoginThrottle(int maxFailures, Duration window, LongSupplier nanoClock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a login throttle needs at least 1 failure and a positive window, was "
                    + maxFailures + " in " + window);
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Whether {@code peer} may try a login now; if not, it is counted as blocked.
     *
     * @return 0 if it may, else the seconds (rounded up) until it may again
     */
    public synchronized long blockedSeconds(String peer) {
        Failures failures = current(peer, nanoClock.getAsLong());
        if (failures == null || failures.count < maxFailures) {
            return 0;
        }
        blocked++;
        long left = failures.sinceNanos + windowNanos - nanoClock.getAsLong();
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    /** Counts a refused login of {@code peer}. */
    public synchronized void failed(String peer) {
        failed++;
        long now = nanoClock.getAsLong();
        Failures failures = current(peer, now);
        if (failures == null) {
            failures = new Failures(now);
            peers.put(peer, failures);
            evictBeyondLimit();
        }
        failures.count++;
    }

    /** Forgets the failures of {@code peer}: it knows the password. */
    public synchronized void succeeded(String peer) {
        peers.remove(peer);
    }

    /** Refused logins counted so far. */
    public synchronized long failures() {
        return failed;
    }

    /** Attempts refused unchecked because their address was blocked. */
    public synchronized long blockedAttempts() {
        return blocked;
    }

    /** The peer's failures within the window, or null (an expired entry is removed). */
    private Failures current(String peer, long now) {
        Failures failures = peers.get(peer);
        if (failures != null && now - failures.sinceNanos >= windowNanos) {
            peers.remove(peer);
            return null;
        }
        return failures;
    }

    private void evictBeyondLimit() {
        Iterator<Failures> oldestFirst = peers.values().iterator();
        while (peers.size() > MAX_PEERS && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }
}
