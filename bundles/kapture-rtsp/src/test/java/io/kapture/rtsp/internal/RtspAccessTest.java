package io.kapture.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.kapture.login.LoginCounter;
import io.kapture.login.LoginOutcome;
import io.kapture.login.LoginThrottle;
import io.kapture.login.Logins;
import io.kapture.login.RefusalLog;

/**
 * Who may watch: loopback without a login, other addresses with a viewer's or admin's Basic credentials; no or wrong
 * credentials get a 401 challenge, a user without the role 403, an address that failed too often 403 without the
 * realm being asked.
 */
class RtspAccessTest {

    private static final InetAddress REMOTE = address("10.94.137.6");
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    private final LoginCounter outcomes = new LoginCounter("rtsp");
    private final RtspAccess access = new RtspAccess(new RtspAccess.AccessSettings("karaf", "kapture-viewer",
            "kapture-admin"), this::login, new LoginThrottle(3, Duration.ofSeconds(60), clock::get),
            new RefusalLog(LoggerFactory.getLogger(RtspAccessTest.class), "the RTSP server", 10, TimeUnit.SECONDS,
                    clock::get), outcomes);

    @Test
    void loopbackNeedsNoLoginAndOptionsNeverDoes() {
        assertTrue(admit(InetAddress.getLoopbackAddress(), "DESCRIBE", null).isEmpty());
        assertTrue(admit(REMOTE, "OPTIONS", null).isEmpty());
        assertEquals(0, asked.get());
        assertCounted(0, 0, 0, 0);
    }

    @Test
    void anotherAddressIsChallengedThenAdmittedWithAViewersOrAdminsPassword() {
        RtspResponse anonymous = admit(REMOTE, "DESCRIBE", null).orElseThrow();
        assertEquals(401, anonymous.status());
        assertTrue(text(anonymous).contains("WWW-Authenticate: Basic realm=\"Kapture\""), text(anonymous));

        AtomicBoolean loggedIn = new AtomicBoolean();
        assertTrue(access.admit(REMOTE, request("DESCRIBE", basic("vera", "v3ra")), () -> loggedIn.set(true))
                .isEmpty());
        assertTrue(loggedIn.get());
        assertTrue(admit(REMOTE, "DESCRIBE", basic("adam", "ad4m")).isEmpty());
        assertEquals(2, access.successfulLogins());
        assertCounted(2, 0, 0, 0);
    }

    @Test
    void wrongPasswordsAndMissingRolesAreRefused() {
        RtspResponse wrong = admit(REMOTE, "DESCRIBE", basic("vera", "wrong")).orElseThrow();
        assertEquals(401, wrong.status());
        assertTrue(text(wrong).contains("WWW-Authenticate: Basic"));
        assertFalse(text(wrong).contains("wrong\r\n") || text(wrong).contains(basic("vera", "wrong")));
        assertEquals(401, admit(REMOTE, "SETUP", basic("mallory", "v3ra")).orElseThrow().status());
        RtspResponse outsider = admit(REMOTE, "DESCRIBE", basic("nora", "n0ra")).orElseThrow();
        assertEquals(403, outsider.status());
        assertTrue(text(outsider).contains("kapture-viewer"), text(outsider));
        assertEquals(2, access.failedLogins());
        assertCounted(0, 2, 1, 0);
    }

    @Test
    void anAddressThatFailedTooOftenIsRefusedUncheckedUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, admit(REMOTE, "DESCRIBE", basic("vera", "guess" + i)).orElseThrow().status());
        }
        int before = asked.get();

        RtspResponse blocked = admit(REMOTE, "DESCRIBE", basic("vera", "v3ra")).orElseThrow();
        assertEquals(403, blocked.status());
        assertTrue(blocked.closeAfter());
        assertTrue(text(blocked).contains("too many failed logins"), text(blocked));
        assertEquals(before, asked.get(), "the realm is not asked for a blocked address");
        assertCounted(0, 3, 0, 1);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(61));
        assertTrue(admit(REMOTE, "DESCRIBE", basic("vera", "v3ra")).isEmpty());
        assertCounted(1, 3, 0, 1);
    }

    @Test
    void aRealmThatCannotCheckIsCountedApart() {
        RtspAccess broken = new RtspAccess(new RtspAccess.AccessSettings("karaf", "kapture-viewer", "kapture-admin"),
                (realm, user, password) -> new Logins.Unavailable("no such realm"),
                new LoginThrottle(3, Duration.ofSeconds(60), clock::get), new RefusalLog(
                        LoggerFactory.getLogger(RtspAccessTest.class), "the RTSP server", 10, TimeUnit.SECONDS,
                        clock::get), outcomes);

        assertEquals(503, broken.admit(REMOTE, request("DESCRIBE", basic("vera", "v3ra")), () -> { }).orElseThrow()
                .status());
        assertEquals(1, outcomes.count(LoginOutcome.UNAVAILABLE));
        assertCounted(0, 0, 0, 0);
    }

    private void assertCounted(long accepted, long rejected, long forbidden, long throttled) {
        assertEquals(List.of(accepted, rejected, forbidden, throttled), List.of(
                outcomes.count(LoginOutcome.ACCEPTED), outcomes.count(LoginOutcome.REJECTED),
                outcomes.count(LoginOutcome.FORBIDDEN), outcomes.count(LoginOutcome.THROTTLED)),
                "accepted, rejected, forbidden, throttled");
    }

    private Optional<RtspResponse> admit(InetAddress peer, String method, String authorization) {
        return access.admit(peer, request(method, authorization), () -> { });
    }

    private static RtspRequest request(String method, String authorization) {
        Map<String, String> headers = new HashMap<>();
        headers.put("cseq", "2");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return new RtspRequest(method, "rtsp://10.94.137.5:8554/cam0", headers, new byte[0]);
    }

    private Logins.Result login(String realm, String user, char[] password) {
        asked.incrementAndGet();
        Map<String, String> passwords = Map.of("vera", "v3ra", "adam", "ad4m", "nora", "n0ra");
        Map<String, Set<String>> roles = Map.of("vera", Set.of("kapture-viewer"), "adam", Set.of("kapture-admin"),
                "nora", Set.of("viewer"));
        if (!"karaf".equals(realm) || !new String(password).equals(passwords.get(user))) {
            return new Logins.Refused();
        }
        return new Logins.Accepted(roles.get(user));
    }

    private static String text(RtspResponse response) {
        return new String(response.encode("2"), StandardCharsets.UTF_8);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
