package io.kapture.login;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts an endpoint's login attempts by {@link LoginOutcome}: the gate calls {@link #record(LoginOutcome)} once per
 * decided attempt, monitors read {@link #count(LoginOutcome)}. Counts only grow.
 *
 * <p>Thread-safe and lock-free: one atomic counter per outcome.
 */
public final class LoginCounter implements LoginStatistics {

    private final String endpoint;
    private final AtomicLongArray counts = new AtomicLongArray(LoginOutcome.values().length);

    /** @param endpoint what the counts are of, such as {@code web} or {@code rtsp} */
    public LoginCounter(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Counts one attempt that ended so. */
    public void record(LoginOutcome outcome) {
        counts.incrementAndGet(outcome.ordinal());
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public long count(LoginOutcome outcome) {
        return counts.get(outcome.ordinal());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("logins of ").append(endpoint).append(':');
        for (LoginOutcome outcome : LoginOutcome.values()) {
            text.append(' ').append(outcome.label()).append(' ').append(count(outcome));
        }
        return text.toString();
    }
}
