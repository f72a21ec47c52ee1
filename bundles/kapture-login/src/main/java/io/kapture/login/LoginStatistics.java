package io.kapture.login;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The login attempts one network endpoint counted since it started, by {@link LoginOutcome}. Each Kapture endpoint
 * that logs remote users in (the web gate, the RTSP server) registers one as an OSGi service with the service
 * property {@value #ENDPOINT} naming it; the metrics and JMX bundles read them. Counts only: never a user name, an
 * address or a password.
 *
 * <p>Implementations are thread-safe: read by any thread while request threads count.
 */
@ProviderType
public interface LoginStatistics {

    /** Service property naming the endpoint: {@code web}, {@code rtsp}. */
    String ENDPOINT = "kapture.login.endpoint";

    /** The endpoint, as in the service property {@value #ENDPOINT}. */
    String endpoint();

    /** Attempts that ended so, since the endpoint started. */
    long count(LoginOutcome outcome);
}
