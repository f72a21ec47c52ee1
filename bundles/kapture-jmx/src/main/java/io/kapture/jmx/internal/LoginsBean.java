package io.kapture.jmx.internal;

import io.kapture.login.LoginOutcome;
import io.kapture.login.LoginStatistics;

/**
 * {@link LoginsMXBean} over an endpoint's {@link LoginStatistics} service, read at every call.
 *
 * <p>Thread-safe: JMX calls it on RMI threads at once; the service is thread-safe.
 */
final class LoginsBean implements LoginsMXBean {

    private final LoginStatistics statistics;

    LoginsBean(LoginStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public String getEndpoint() {
        return statistics.endpoint();
    }

    @Override
    public long getAccepted() {
        return statistics.count(LoginOutcome.ACCEPTED);
    }

    @Override
    public long getRejected() {
        return statistics.count(LoginOutcome.REJECTED);
    }

    @Override
    public long getForbidden() {
        return statistics.count(LoginOutcome.FORBIDDEN);
    }

    @Override
    public long getThrottled() {
        return statistics.count(LoginOutcome.THROTTLED);
    }

    @Override
    public long getUnavailable() {
        return statistics.count(LoginOutcome.UNAVAILABLE);
    }
}
