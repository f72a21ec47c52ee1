package io.kapture.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.login.BasicCredentials;
import io.kapture.login.JaasLogins;
import io.kapture.login.LoginCounter;
import io.kapture.login.LoginOutcome;
import io.kapture.login.LoginStatistics;
import io.kapture.login.LoginThrottle;
import io.kapture.login.Logins;
import io.kapture.login.RefusalLog;

/**
 * The one access check of every Kapture HTTP endpoint: an HTTP Whiteboard filter in front of everything under
 * {@code /kapture/} (the preview, its streams and JSON, and any other servlet registered there), so an endpoint
 * needs no check of its own.
 * <ul>
 * <li>A local request (loopback peer naming a loopback host, {@link LocalRequests}) passes as it is.</li>
 * <li>Any other is refused (403) unless {@code allow.remote} is on; then it must carry HTTP Basic credentials
 * of a user of the JAAS realm ({@code jaas.realm}, the console's {@code karaf} by default): none or wrong ones get
 * 401 with a challenge, a user without the needed role 403 ({@link AccessSettings#permits}). The request passes
 * on with the user as its remote user and roles.</li>
 * </ul>
 * An address with {@value #MAX_FAILED_LOGINS} failed logins within a minute gets 429 without its password being
 * checked for the rest of that minute ({@link LoginThrottle}).
 * Refused logins are logged at most once every {@value #LOG_INTERVAL_SECONDS} s ({@link RefusalLog}); no
 * password and no {@code Authorization} header is ever logged or kept. Every decided login is counted by its
 * {@link LoginOutcome}, and the gate is also the {@link LoginStatistics} service of endpoint {@code web} that the
 * metrics and JMX read (a request without credentials is no attempt and is not counted).
 *
 * <p>Threading contract: {@link #doFilter} runs on many request threads at once and blocks its thread during a
 * login; {@link #modified} swaps the immutable settings through a volatile field.
 */
@Component(service = { Filter.class, LoginStatistics.class }, configurationPid = PreviewSettings.PID,
        property = LoginStatistics.ENDPOINT + "=" + AccessGate.LOGIN_ENDPOINT)
@HttpWhiteboardFilterPattern("/kapture/*")
@HttpWhiteboardFilterName(AccessGate.NAME)
public final class AccessGate implements Filter, LoginStatistics {

    /** The endpoint name of the web gate's login counts. */
    static final String LOGIN_ENDPOINT = "web";

    /** The filter's whiteboard name. */
    static final String NAME = "kapture-access";
    /** A target filter that selects this gate's service, for components that must not serve without it. */
    static final String TARGET = "(osgi.http.whiteboard.filter.name=" + NAME + ")";
    static final String CHALLENGE = "Basic realm=\"Kapture\", charset=\"UTF-8\"";
    static final long LOG_INTERVAL_SECONDS = 10;
    /** Failed logins of one address within {@link #LOGIN_WINDOW} before it is refused unchecked (429). */
    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOGIN_WINDOW = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);
    private static final int TOO_MANY_REQUESTS = 429;

    private final Logins logins;
    private final RefusalLog refusals;
    private final LoginThrottle throttle;
    private final LoginCounter outcomes;
    private volatile AccessSettings settings;

    @Activate
    public AccessGate(Config config) {
        this(AccessSettings.from(config), new JaasLogins(),
                new RefusalLog(LOG, "Kapture's web endpoints", LOG_INTERVAL_SECONDS, TimeUnit.SECONDS,
                        System::nanoTime),
                new LoginThrottle(MAX_FAILED_LOGINS, LOGIN_WINDOW, System::nanoTime),
                new LoginCounter(LOGIN_ENDPOINT));
    }

    AccessGate(AccessSettings settings, Logins logins, RefusalLog refusals, LoginThrottle throttle,
            LoginCounter outcomes) {
        this.settings = settings;
        this.logins = logins;
        this.refusals = refusals;
        this.throttle = throttle;
        this.outcomes = outcomes;
        describe(settings);
    }

    /** A new configuration applies to the next request; an invalid one is refused and the previous one kept. */
    @Modified
    void modified(Config config) {
        try {
            settings = AccessSettings.from(config);
            describe(settings);
        } catch (IllegalArgumentException e) {
            LOG.error("{}; keeping the previous access settings", e.getMessage());
        }
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (LocalRequests.isLocal(request.getRemoteAddr(), request.getHeader("Host"))) {
            chain.doFilter(request, response);
            return;
        }
        AccessSettings now = settings;
        if (!now.allowRemote()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Kapture answers local browsers only"
                    + " (http://localhost/...); set allow.remote=true in configuration " + PreviewSettings.PID
                    + " to let users of the JAAS realm log in from other machines");
            return;
        }
        Optional<UserRequest> user = authenticate(now, request, response);
        if (user.isPresent()) {
            chain.doFilter(user.get(), response);
        }
    }

    /** Logs the request's user in; the user's request, or empty once the refusal has been sent. */
    private Optional<UserRequest> authenticate(AccessSettings now, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Optional<BasicCredentials> sent = BasicCredentials.parse(request.getHeader("Authorization"));
        if (sent.isEmpty()) {
            challenge(response, "Log in as a user of Kapture's JAAS realm (HTTP Basic)");
            return Optional.empty();
        }
        try (BasicCredentials credentials = sent.get()) {
            String peer = request.getRemoteAddr();
            long wait = throttle.blockedSeconds(peer);
            if (wait > 0) {
                outcomes.record(LoginOutcome.THROTTLED);
                refusals.refused(peer, credentials.printableUser(), "too many failed logins from this address;"
                        + " refused unchecked for " + wait + " s");
                response.setHeader("Retry-After", Long.toString(wait));
                response.sendError(TOO_MANY_REQUESTS, "Too many failed logins from " + peer + "; try again in "
                        + wait + " s");
                return Optional.empty();
            }
            Logins.Result result = logins.login(now.realm(), credentials.user(), credentials.password());
            if (result instanceof Logins.Accepted accepted) {
                throttle.succeeded(peer);
                if (now.permits(request.getMethod(), accepted.roles())) {
                    outcomes.record(LoginOutcome.ACCEPTED);
                    return Optional.of(new UserRequest(request, credentials.user(), accepted.roles(), now));
                }
                String role = now.roleFor(request.getMethod());
                outcomes.record(LoginOutcome.FORBIDDEN);
                refusals.refused(peer, credentials.printableUser(), "the user lacks role " + role);
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "User '" + credentials.printableUser()
                        + "' may not " + request.getMethod() + " here: that needs role " + role
                        + (role.equals(now.adminRole()) ? "" : " or " + now.adminRole()));
            } else if (result instanceof Logins.Unavailable unavailable) {
                outcomes.record(LoginOutcome.UNAVAILABLE);
                refusals.refused(peer, credentials.printableUser(), "JAAS realm '" + now.realm()
                        + "' cannot check logins: " + unavailable.problem());
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Logins cannot be checked now;"
                        + " the server's log says why");
            } else {
                throttle.failed(peer);
                outcomes.record(LoginOutcome.REJECTED);
                refusals.refused(peer, credentials.printableUser(), "wrong password or no such user in JAAS realm '"
                        + now.realm() + "'");
                challenge(response, "Wrong user name or password");
            }
            return Optional.empty();
        }
    }

    @Override
    public String endpoint() {
        return LOGIN_ENDPOINT;
    }

    @Override
    public long count(LoginOutcome outcome) {
        return outcomes.count(outcome);
    }

    private static void challenge(HttpServletResponse response, String message) throws IOException {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    private static void describe(AccessSettings settings) {
        LOG.info("Kapture's web endpoints: {}", settings.allowRemote()
                ? "other machines log in to JAAS realm '" + settings.realm() + "' with role " + settings.viewerRole()
                        + " (view) or " + settings.adminRole() + " (control); loopback needs no login"
                : "loopback only (allow.remote=false)");
    }
}
