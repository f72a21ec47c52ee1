package io.kapture.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.kapture.testing.ComponentConfig;

/** The server's configuration checks and the Transport headers it understands. */
class RtspConfigurationTest {

    @Test
    void defaultsListenOnLoopback8554() {
        RtspSettings settings = RtspSettings.from(ComponentConfig.of(RtspConfig.class).build());

        assertEquals("127.0.0.1", settings.address().getHostAddress());
        assertEquals(8554, settings.port());
        assertEquals(2_000_000, settings.encoder().bitrate());
    }

    @Test
    void aNonLoopbackAddressIsRefusedSayingWhyAndWhatToDo() {
        for (String address : new String[] { "0.0.0.0", "192.168.1.10", "::", "camera.example.org" }) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> RtspSettings.from(ComponentConfig.of(RtspConfig.class).with("address", address).build()));
            assertTrue(error.getMessage().startsWith("address: "), error.getMessage());
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RtspSettings.loopback("0.0.0.0"));
        assertTrue(error.getMessage().contains("allow.remote is off"), error.getMessage());
        assertTrue(error.getMessage().contains("ssh -L 8554:127.0.0.1:8554"), error.getMessage());
        assertEquals("::1", RtspSettings.loopback("[::1]").getHostAddress().replace("0:0:0:0:0:0:0:1", "::1"));
        assertTrue(RtspSettings.loopback("localhost").isLoopbackAddress());
    }

    @Test
    void allowRemoteOpensOtherAddressesWithLoginSettings() {
        RtspSettings settings = RtspSettings.from(ComponentConfig.of(RtspConfig.class).with("allow.remote", true)
                .with("address", "0.0.0.0").with("viewer.role", "watchers").build());

        assertTrue(settings.allowRemote());
        assertTrue(settings.address().isAnyLocalAddress());
        assertEquals(new RtspAccess.AccessSettings("karaf", "watchers", "kapture-admin"), settings.access());
        assertEquals(5, settings.loginFailuresMax());
        assertTrue(settings.needsRestart(RtspSettings.from(ComponentConfig.of(RtspConfig.class).build())));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RtspSettings.from(ComponentConfig.of(RtspConfig.class).with("allow.remote", true)
                        .with("address", "camera.example.org").build()));
        assertTrue(error.getMessage().startsWith("address: "), error.getMessage());
        error = assertThrows(IllegalArgumentException.class, () -> RtspSettings.from(
                ComponentConfig.of(RtspConfig.class).with("viewer.role", "two words").build()));
        assertTrue(error.getMessage().startsWith("viewer.role must be"), error.getMessage());
    }

    @Test
    void outOfRangeValuesNameTheirKey() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RtspSettings.from(ComponentConfig.of(RtspConfig.class).with("bitrate.kbps", 5).build()));
        assertEquals("bitrate.kbps must be between 10 and 100000, was 5", error.getMessage());
        error = assertThrows(IllegalArgumentException.class,
                () -> RtspSettings.from(ComponentConfig.of(RtspConfig.class).with("profile", "extended").build()));
        assertTrue(error.getMessage().startsWith("profile: unknown H.264 profile 'extended'"), error.getMessage());
    }

    @Test
    void transportsKaptureServesAndThoseItRefuses() {
        assertEquals(new TransportSpec(true, 0, 1), TransportSpec.parse("RTP/AVP/TCP;unicast;interleaved=0-1"));
        assertEquals(new TransportSpec(false, 5000, 5001),
                TransportSpec.parse("RTP/AVP;multicast, RTP/AVP;unicast;client_port=5000-5001;destination=10.0.0.1"));
        assertEquals("RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001;ssrc=0000ABCD",
                TransportSpec.parse("RTP/AVP/UDP;unicast;client_port=5000").reply(6000, 0xABCD));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TransportSpec.parse("RAW/RAW/UDP;unicast;client_port=5000-5001"));
        assertTrue(error.getMessage().contains("RTP/AVP/TCP;unicast;interleaved=0-1"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TransportSpec.parse("RTP/AVP;unicast;client_port=0-1"));
    }
}
