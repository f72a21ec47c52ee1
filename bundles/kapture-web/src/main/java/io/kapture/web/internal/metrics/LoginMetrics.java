package io.kapture.web.internal.metrics;

import static io.kapture.web.internal.metrics.PrometheusText.Type.COUNTER;

import java.util.List;

import io.kapture.login.LoginOutcome;
import io.kapture.login.LoginStatistics;

/**
 * Login attempts of every endpoint that logs remote users in ({@link LoginStatistics} services: the web gate, the
 * RTSP server) as {@code kapture_logins_total}, labelled {@code endpoint} and {@code outcome}. Every outcome gets a
 * sample, zeros included, so that {@code rate()} sees the first failure. Labels never hold a user name or address:
 * the services count without them.
 *
 * <p>Stateless; safe from any thread.
 */
public final class LoginMetrics {

    private LoginMetrics() {
    }

    public static void add(PrometheusText out, List<LoginStatistics> endpoints) {
        for (LoginStatistics endpoint : endpoints) {
            PrometheusText.Family logins = out.family("kapture_logins_total", COUNTER, "Login attempts of remote"
                    + " users by endpoint and outcome: accepted, rejected (wrong password or unknown user), forbidden"
                    + " (no role), throttled (address blocked after failures), unavailable (realm could not check).");
            for (LoginOutcome outcome : LoginOutcome.values()) {
                logins.sample(endpoint.count(outcome), "endpoint", endpoint.endpoint(), "outcome", outcome.label());
            }
        }
    }
}
