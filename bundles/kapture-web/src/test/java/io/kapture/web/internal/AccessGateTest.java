package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.servlet.ServletRequest;
import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import io.kapture.login.LoginCounter;
import io.kapture.login.LoginOutcome;
import io.kapture.login.LoginThrottle;
import io.kapture.login.Logins;
import io.kapture.login.RefusalLog;
import io.kapture.testing.ComponentConfig;

/**
 * The access gate in front of every endpoint under /kapture/, driven through {@link FakeHttp} with a realm of
 * three users: loopback passes without a login, other machines are refused unless allowed, then must log in,
 * get the role they need, and never see their password in the log.
 */
class AccessGateTest {

    private static final ComponentConfig<Config> DEFAULTS = ComponentConfig.of(Config.class);
    private static final ComponentConfig<Config> REMOTE = DEFAULTS.with("allow.remote", true);
    private static final String PEER = "192.168.1.20";
    private static final String HOST = "kapture.lan:8181";
    private static final String VIEWER_PASSWORD = "correct horse: battery stäple";

    private final Realm realm = new Realm(Map.of(
            "vera", new Account(VIEWER_PASSWORD, Set.of("kapture-viewer")),
            "adam", new Account("admin secret", Set.of("kapture-admin")),
            "nora", new Account("no roles here", Set.of("audit"))));
    private final RecordingLogger log = new RecordingLogger();
    private final AtomicLong clock = new AtomicLong();
    private final List<ServletRequest> passed = new ArrayList<>();
    private final LoginCounter outcomes = new LoginCounter(AccessGate.LOGIN_ENDPOINT);
    private AccessGate gate = gate(REMOTE);

    @Test
    void loopbackRequestsPassWithoutALoginWhateverTheyCarry() throws Exception {
        assertEquals(200, send("GET", "127.0.0.1", "localhost:8181", null).status);
        assertEquals(200, send("GET", "::1", "[::1]:8181", basic("vera", "wrong")).status);
        gate = gate(DEFAULTS);
        assertEquals(200, send("GET", "127.0.0.1", "127.0.0.1:8181", null).status);
        assertEquals(3, passed.size());
        assertEquals(0, realm.logins, "loopback never asks the realm");
        assertCounted(0, 0, 0, 0, 0);
    }

    @Test
    void otherMachinesAreRefusedUnlessAllowedEvenWithGoodCredentials() throws Exception {
        gate = gate(DEFAULTS);
        FakeHttp.Response remote = send("GET", PEER, HOST, basic("vera", VIEWER_PASSWORD));
        FakeHttp.Response rebinding = send("GET", "127.0.0.1", "attacker.example:8181", null);

        assertEquals(403, remote.status);
        assertTrue(remote.message.contains("allow.remote=true") && remote.message.contains(PreviewSettings.PID),
                remote.message);
        assertEquals(403, rebinding.status, "DNS rebinding: a loopback peer naming a foreign host");
        assertEquals(List.of(), passed);
        assertEquals(0, realm.logins);
    }

    @Test
    void withoutCredentialsTheBrowserIsAskedToLogIn() throws Exception {
        for (String authorization : new String[] { null, "Bearer abc", "Basic !!!", basic64("no colon"),
                basic64(":empty user") }) {
            FakeHttp.Response response = send("GET", PEER, HOST, authorization);
            assertEquals(401, response.status, String.valueOf(authorization));
            assertEquals("Basic realm=\"Kapture\", charset=\"UTF-8\"", response.headers.get("WWW-Authenticate"));
        }
        FakeHttp.Response rebinding = send("GET", "127.0.0.1", "attacker.example:8181", null);
        assertEquals(401, rebinding.status, "a loopback peer naming a foreign host is not local");
        assertEquals(List.of(), passed);
        assertEquals(0, realm.logins);
        assertCounted(0, 0, 0, 0, 0);
    }

    @Test
    void aViewerWatchesAsThemselvesAndTheirPasswordIsWipedAfterwards() throws Exception {
        FakeHttp.Response response = send("GET", PEER, HOST, basic("vera", VIEWER_PASSWORD));

        assertEquals(200, response.status);
        HttpServletRequest request = (HttpServletRequest) passed.get(0);
        assertEquals("vera", request.getRemoteUser());
        assertEquals(HttpServletRequest.BASIC_AUTH, request.getAuthType());
        assertTrue(request.isUserInRole("kapture-viewer"));
        assertFalse(request.isUserInRole("kapture-admin"));
        assertEquals("karaf", realm.lastRealm);
        assertArrayEquals(new char[VIEWER_PASSWORD.length()], realm.lastPassword,
                "the password the realm was given is zeroed once the login is done");
        assertEquals(List.of(), log.lines);
        assertCounted(1, 0, 0, 0, 0);
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreChallengedAgainAndLoggedWithoutTheSecret() throws Exception {
        FakeHttp.Response wrong = send("GET", PEER, HOST, basic("vera", "Tr0ub4dor&3"));
        FakeHttp.Response unknown = send("GET", PEER, HOST, basic("mallory", "Tr0ub4dor&3"));

        assertEquals(401, wrong.status);
        assertEquals(AccessGate.CHALLENGE, wrong.headers.get("WWW-Authenticate"));
        assertEquals(401, unknown.status);
        assertEquals(List.of(), passed);
        assertEquals(1, log.lines.size(), "the second refusal within the interval is counted, not logged");
        String line = log.lines.get(0);
        assertTrue(line.contains(PEER) && line.contains("'vera'") && line.contains("wrong password"), line);
        assertFalse(line.contains("Tr0ub4dor") || line.contains(basic("vera", "Tr0ub4dor&3").substring(6)), line);

        clock.addAndGet(TimeUnit.SECONDS.toNanos(AccessGate.LOG_INTERVAL_SECONDS));
        send("GET", PEER, HOST, basic("vera", "again wrong"));
        assertTrue(log.lines.get(1).contains("1 more refusals since the last such line were not logged"),
                log.lines.get(1));
        assertCounted(0, 3, 0, 0, 0);
    }

    @Test
    void viewingNeedsTheViewerRoleAndChangingTheAdminRoleWhichIncludesViewing() throws Exception {
        FakeHttp.Response noRole = send("GET", PEER, HOST, basic("nora", "no roles here"));
        FakeHttp.Response viewerPosts = send("POST", PEER, HOST, basic("vera", VIEWER_PASSWORD));
        assertEquals(403, noRole.status);
        assertTrue(noRole.message.contains("kapture-viewer or kapture-admin"), noRole.message);
        assertEquals(403, viewerPosts.status);
        assertTrue(viewerPosts.message.contains("needs role kapture-admin"), viewerPosts.message);
        assertNull(noRole.headers.get("WWW-Authenticate"), "a known user without the role is not asked again");
        assertEquals(List.of(), passed);

        assertEquals(200, send("GET", PEER, HOST, basic("adam", "admin secret")).status);
        assertEquals(200, send("POST", PEER, HOST, basic("adam", "admin secret")).status);
        assertEquals(200, send("HEAD", PEER, HOST, basic("vera", VIEWER_PASSWORD)).status);
        assertTrue(((HttpServletRequest) passed.get(0)).isUserInRole("kapture-viewer"), "admin includes viewer");
        assertCounted(3, 0, 2, 0, 0);
    }

    @Test
    void rolesAndRealmAreConfigurableAndAnInvalidChangeKeepsThePreviousOnes() throws Exception {
        gate = gate(REMOTE.with("viewer.role", "audit").with("jaas.realm", "cameras"));
        assertEquals(200, send("GET", PEER, HOST, basic("nora", "no roles here")).status);
        assertEquals("cameras", realm.lastRealm);

        gate.modified(REMOTE.with("viewer.role", "two words").build());
        assertEquals(200, send("GET", PEER, HOST, basic("nora", "no roles here")).status);
        gate.modified(REMOTE.build());
        assertEquals(403, send("GET", PEER, HOST, basic("nora", "no roles here")).status);
        gate.modified(DEFAULTS.build());
        assertEquals(403, send("GET", PEER, HOST, basic("vera", VIEWER_PASSWORD)).status);
    }

    @Test
    void anAddressThatFailedTooOftenGets429WithoutTheRealmBeingAskedUntilTheMinuteIsOver() throws Exception {
        for (int i = 0; i < AccessGate.MAX_FAILED_LOGINS; i++) {
            assertEquals(401, send("GET", PEER, HOST, basic("vera", "guess " + i)).status);
        }
        int asked = realm.logins;

        assertEquals(429, send("GET", PEER, HOST, basic("vera", VIEWER_PASSWORD)).status);
        assertEquals(asked, realm.logins, "a blocked address's password is not checked");
        assertEquals(200, send("GET", "192.168.1.21", HOST, basic("vera", VIEWER_PASSWORD)).status,
                "other addresses are not blocked");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(61));
        assertEquals(200, send("GET", PEER, HOST, basic("vera", VIEWER_PASSWORD)).status);
        assertCounted(2, AccessGate.MAX_FAILED_LOGINS, 0, 1, 0);
    }

    @Test
    void aRealmThatCannotDecideGivesServiceUnavailable() throws Exception {
        realm.unavailable = true;
        FakeHttp.Response response = send("GET", PEER, HOST, basic("vera", VIEWER_PASSWORD));

        assertEquals(503, response.status);
        assertTrue(log.lines.get(0).contains("JAAS realm 'karaf' cannot check logins: no realm"), log.lines.get(0));
        assertFalse(log.lines.get(0).contains("battery"));
        assertEquals(List.of(), passed);
        assertCounted(0, 0, 0, 0, 1);
        assertEquals(1, gate.count(LoginOutcome.UNAVAILABLE), "the gate is the web endpoint's LoginStatistics");
        assertEquals("web", gate.endpoint());
    }

    private void assertCounted(long accepted, long rejected, long forbidden, long throttled, long unavailable) {
        assertEquals(List.of(accepted, rejected, forbidden, throttled, unavailable), List.of(
                outcomes.count(LoginOutcome.ACCEPTED), outcomes.count(LoginOutcome.REJECTED),
                outcomes.count(LoginOutcome.FORBIDDEN), outcomes.count(LoginOutcome.THROTTLED),
                outcomes.count(LoginOutcome.UNAVAILABLE)), "accepted, rejected, forbidden, throttled, unavailable");
    }

    private FakeHttp.Response send(String method, String peer, String host, String authorization) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        gate.doFilter(FakeHttp.request(method, "/", peer, host, authorization), response.servletResponse,
                (request, ignored) -> passed.add(request));
        return response;
    }

    private AccessGate gate(ComponentConfig<Config> config) {
        return new AccessGate(AccessSettings.from(config.build()), realm,
                new RefusalLog(log.logger, "Kapture's web endpoints", AccessGate.LOG_INTERVAL_SECONDS,
                        TimeUnit.SECONDS, clock::get),
                new LoginThrottle(AccessGate.MAX_FAILED_LOGINS, AccessGate.LOGIN_WINDOW, clock::get), outcomes);
    }

    private static String basic(String user, String password) {
        return basic64(user + ":" + password);
    }

    private static String basic64(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private record Account(String password, Set<String> roles) {
    }

    /** A realm of fixed accounts that remembers what it was last asked. */
    private static final class Realm implements Logins {
        private final Map<String, Account> accounts;
        volatile int logins;
        volatile String lastRealm;
        volatile char[] lastPassword;
        volatile boolean unavailable;

        Realm(Map<String, Account> accounts) {
            this.accounts = accounts;
        }

        @Override
        public Result login(String realm, String user, char[] password) {
            logins++;
            lastRealm = realm;
            lastPassword = password;
            if (unavailable) {
                return new Unavailable("no realm");
            }
            Account account = accounts.get(user);
            return account != null && account.password().equals(new String(password))
                    ? new Accepted(account.roles()) : new Refused();
        }
    }
}
