package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Only loopback peers asking for a loopback host are local; nothing is ever looked up by name. */
class LocalRequestsTest {

    @Test
    void loopbackPeersNamingTheLoopbackAreLocal() {
        assertTrue(LocalRequests.isLocal("127.0.0.1", "localhost:8181"));
        assertTrue(LocalRequests.isLocal("127.0.0.1", "LOCALHOST"));
        assertTrue(LocalRequests.isLocal("127.0.0.1", "127.0.0.1:8181"));
        assertTrue(LocalRequests.isLocal("127.1.2.3", "127.0.0.1"));
        assertTrue(LocalRequests.isLocal("0:0:0:0:0:0:0:1", "[::1]:8181"));
        assertTrue(LocalRequests.isLocal("[::1]", "[::1]"));
    }

    @Test
    void otherPeersAreNot() {
        assertFalse(LocalRequests.isLocal("192.168.1.20", "localhost:8181"));
        assertFalse(LocalRequests.isLocal("::ffff:10.0.0.1", "localhost"));
        assertFalse(LocalRequests.isLocal(null, "localhost"));
        assertFalse(LocalRequests.isLocal("", "localhost"));
    }

    @Test
    void loopbackPeersNamingAnotherHostAreNot() {
        assertFalse(LocalRequests.isLocal("127.0.0.1", "evil.example:8181"), "DNS rebinding");
        assertFalse(LocalRequests.isLocal("127.0.0.1", "localhost.evil.example"));
        assertFalse(LocalRequests.isLocal("127.0.0.1", "192.168.1.10:8181"));
        assertFalse(LocalRequests.isLocal("127.0.0.1", null));
        assertFalse(LocalRequests.isLocal("127.0.0.1", "abc"), "hex letters alone are no address");
        assertFalse(LocalRequests.isLocal("127.0.0.1", "[::1"));
    }
}
