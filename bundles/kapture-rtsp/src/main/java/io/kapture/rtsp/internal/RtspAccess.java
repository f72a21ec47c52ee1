package io.kapture.rtsp.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.login.BasicCredentials;
import io.kapture.login.JaasLogins;
import io.kapture.login.LoginCounter;
import io.kapture.login.LoginOutcome;
import io.kapture.login.LoginThrottle;
import io.kapture.login.Logins;
import io.kapture.login.RefusalLog;

/**
 * Who may watch: a client on a loopback address always; any other only after logging in with RTSP Basic
 * authentication (RFC 2326 takes HTTP's) as a user of the JAAS realm holding the viewer or admin role. Once a
 * connection has logged in it stays logged in (an RTSP connection is one client's). Refusals: no or wrong credentials
 * get 401 with a Basic challenge, a user without the role 403, an address that failed too often 403 without its
 * password being checked ({@link LoginThrottle}), a realm that cannot check logins 503. Refusals are logged at most
 * once per interval ({@link RefusalLog}); no password and no {@code Authorization} header is ever logged or kept.
 * Every decided attempt is counted by its {@link LoginOutcome} (a request without credentials is no attempt).
 *
 * <p>Thread-safe: every connection thread calls {@link #admit} at once; a login blocks the calling thread while the
 * realm reads its store. The settings are immutable; the throttle and the refusal log lock themselves.
 */
final class RtspAccess {

    static final String CHALLENGE = "Basic realm=\"Kapture\", charset=\"UTF-8\"";
    static final long LOG_INTERVAL_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(RtspAccess.class);

    private final AccessSettings settings;
    private final Logins logins;
    private final LoginThrottle throttle;
    private final RefusalLog refusals;
    private final LoginCounter outcomes;
    private final AtomicLong successful = new AtomicLong();

    /**
     * Who may log in from other machines.
     *
     * @param realm      the JAAS realm (login configuration entry)
     * @param viewerRole the role that may watch
     * @param adminRole  the role that includes watching
     */
    record AccessSettings(String realm, String viewerRole, String adminRole) {
    }

    /**
     * Logins through Karaf's JAAS realm, throttled and logged as the settings say.
     *
     * @param outcomes where attempts are counted; the server component's, so counts outlive a restart
     */
    static RtspAccess jaas(RtspSettings settings, LoginCounter outcomes) {
        return new RtspAccess(settings.access(), new JaasLogins(),
                new LoginThrottle(settings.loginFailuresMax(), settings.loginBlock(), System::nanoTime),
                new RefusalLog(LOG, "the RTSP server", LOG_INTERVAL_SECONDS, TimeUnit.SECONDS, System::nanoTime),
                outcomes);
    }

    /** For a server on loopback outside a framework (tests, benchmarks): every client is local, nobody logs in. */
    static RtspAccess loopbackOnly() {
        return new RtspAccess(new AccessSettings("none", "none", "none"),
                (realm, user, password) -> new Logins.Unavailable("this server has no login realm"),
                new LoginThrottle(1, Duration.ofSeconds(1), System::nanoTime),
                new RefusalLog(LOG, "the RTSP server", LOG_INTERVAL_SECONDS, TimeUnit.SECONDS, System::nanoTime),
                new LoginCounter(RtspServerComponent.LOGIN_ENDPOINT));
    }

    RtspAccess(AccessSettings settings, Logins logins, LoginThrottle throttle, RefusalLog refusals,
            LoginCounter outcomes) {
        this.settings = settings;
        this.logins = logins;
        this.throttle = throttle;
        this.refusals = refusals;
        this.outcomes = outcomes;
    }

    /**
     * Whether a request of a connection that has not logged in yet may be answered.
     *
     * @return empty if it may (the peer is local, the request is OPTIONS, or the login succeeded: then the
     *         connection is logged in), else the refusal to send
     */
    Optional<RtspResponse> admit(InetAddress peer, RtspRequest request, Runnable loggedIn) {
        if (peer.isLoopbackAddress() || "OPTIONS".equals(request.method())) {
            return Optional.empty();
        }
        String address = peer.getHostAddress();
        Optional<BasicCredentials> sent = BasicCredentials.parse(request.header("Authorization"));
        if (sent.isEmpty()) {
            return Optional.of(challenge("log in as a user of Kapture's JAAS realm (RTSP Basic authentication), "
                    + "for example rtsp://user:password@host:port/camera"));
        }
        try (BasicCredentials credentials = sent.get()) {
            long wait = throttle.blockedSeconds(address);
            if (wait > 0) {
                outcomes.record(LoginOutcome.THROTTLED);
                refusals.refused(address, credentials.printableUser(), "too many failed logins from this address;"
                        + " refused unchecked for " + wait + " s");
                return Optional.of(RtspResponse.error(403, "too many failed logins from " + address + "; try again"
                        + " in " + wait + " s").closeConnection());
            }
            Logins.Result result = logins.login(settings.realm(), credentials.user(), credentials.password());
            if (result instanceof Logins.Accepted accepted) {
                throttle.succeeded(address);
                if (mayWatch(accepted.roles())) {
                    outcomes.record(LoginOutcome.ACCEPTED);
                    successful.incrementAndGet();
                    loggedIn.run();
                    return Optional.empty();
                }
                outcomes.record(LoginOutcome.FORBIDDEN);
                refusals.refused(address, credentials.printableUser(), "the user lacks role "
                        + settings.viewerRole());
                return Optional.of(RtspResponse.error(403, "user '" + credentials.printableUser() + "' may not"
                        + " watch: that needs role " + settings.viewerRole() + " or " + settings.adminRole()));
            }
            if (result instanceof Logins.Unavailable unavailable) {
                outcomes.record(LoginOutcome.UNAVAILABLE);
                refusals.refused(address, credentials.printableUser(), "JAAS realm '" + settings.realm()
                        + "' cannot check logins: " + unavailable.problem());
                return Optional.of(RtspResponse.error(503, "logins cannot be checked now; the server's log says"
                        + " why"));
            }
            throttle.failed(address);
            outcomes.record(LoginOutcome.REJECTED);
            refusals.refused(address, credentials.printableUser(), "wrong password or no such user in JAAS realm '"
                    + settings.realm() + "'");
            return Optional.of(challenge("wrong user name or password"));
        }
    }

    /** Logins refused for a wrong password or an unknown user. */
    long failedLogins() {
        return throttle.failures();
    }

    /** Logins that let a client watch. */
    long successfulLogins() {
        return successful.get();
    }

    private boolean mayWatch(Set<String> roles) {
        return roles.contains(settings.viewerRole()) || roles.contains(settings.adminRole());
    }

    private static RtspResponse challenge(String message) {
        return RtspResponse.error(401, message).header("WWW-Authenticate", CHALLENGE);
    }
}
