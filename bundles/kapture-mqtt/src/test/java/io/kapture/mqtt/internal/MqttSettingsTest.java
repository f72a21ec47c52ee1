package io.kapture.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import io.kapture.testing.ComponentConfig;

/** The configuration as the metatype defaults it, and its refusals. */
class MqttSettingsTest {

    private static final ComponentConfig<MqttConfig> DEFAULTS = ComponentConfig.of(MqttConfig.class);

    @Test
    void byDefaultNothingConnectsAndTheNodeIsTheHostName() throws Exception {
        MqttSettings settings = DEFAULTS.as(MqttSettings::from);
        assertFalse(settings.connects(), "no server.uri, no connection");
        String host = InetAddress.getLocalHost().getHostName().split("\\.")[0];
        assertEquals(host, settings.nodeId());
        assertEquals("kapture/" + host, settings.prefix());
        assertEquals("kapture/fleet", settings.fleetPrefix());
        assertFalse(settings.commandsEnabled() || settings.fleetEnabled() || settings.homeAssistant(),
                "remote control and fleet configuration are opt-in");
    }

    @Test
    void thePasswordIsNeverInTheDescription() {
        MqttSettings settings = DEFAULTS.with("server.uri", "ssl://broker:8883").with("username", "cam")
                .with("password", "s3cret").with("tls.keystore.password", "k3y").as(MqttSettings::from);
        assertTrue(settings.tls());
        assertEquals("MQTT ssl://broker:8883 as " + settings.nodeId() + " under " + settings.prefix() + ", user cam",
                settings.toString());
    }

    @Test
    void unusableValuesAreRefusedWithTheKeyNamed() {
        assertMessage("server.uri 'http://x' must be tcp://host:port or ssl://host:port",
                DEFAULTS.with("server.uri", "http://x"));
        assertMessage("qos.events must be between 0 and 2, was 3", DEFAULTS.with("qos.events", 3));
        assertMessage("prefix 'kapture/+/x' has an empty level", DEFAULTS.with("prefix", "kapture/+/x"));
        assertMessage("prefix '$SYS/x' must be a topic", DEFAULTS.with("prefix", "$SYS/x"));
        assertMessage("node.id 'a/b' cannot be a topic level", DEFAULTS.with("node.id", "a/b"));
        assertMessage("outbox.max.messages must be between 1 and", DEFAULTS.with("outbox.max.messages", 0));
    }

    private static void assertMessage(String start, ComponentConfig<MqttConfig> config) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> config.as(MqttSettings::from));
        assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
    }
}
