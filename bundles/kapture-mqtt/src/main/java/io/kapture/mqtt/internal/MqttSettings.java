package io.kapture.mqtt.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The bridge's configuration, checked: every value it holds is usable. {@link #from} refuses a configuration with a
 * message naming the key, what was wrong and what is allowed.
 *
 * <p>Immutable; safe from any thread. {@link #toString()} never shows a password.
 */
public record MqttSettings(String serverUri, String nodeId, String prefix, String fleetPrefix, String username,
        String password, String trustStore, String trustStorePassword, String keyStore, String keyStorePassword,
        int statsIntervalSeconds, boolean commandsEnabled, boolean fleetEnabled, boolean homeAssistant,
        String homeAssistantPrefix, int qosState, int qosEvents, int qosStats, int outboxMaxMessages,
        long outboxMaxBytes, int snapshotMaxBytes, int commandMaxBytes, long reconnectMinMillis,
        long reconnectMaxMillis, int keepAliveSeconds) {

    /** Whether a broker is configured at all. */
    boolean connects() {
        return !serverUri.isEmpty();
    }

    boolean tls() {
        return serverUri.startsWith("ssl://");
    }

    public static MqttSettings from(MqttConfig config) {
        String uri = config.server_uri().trim();
        if (!uri.isEmpty()) {
            checkUri(uri);
        }
        String node = config.node_id().trim().isEmpty() ? hostName() : config.node_id().trim();
        if (!Topics.isLevel(node)) {
            throw new IllegalArgumentException("node.id '" + node + "' cannot be a topic level: it must not be empty "
                    + "nor contain '/', '+', '#' or control characters; set node.id in io.kapture.mqtt");
        }
        String prefix = config.prefix().trim().isEmpty() ? "kapture/" + node : config.prefix().trim();
        Topics.checkPrefix("prefix", prefix);
        Topics.checkPrefix("fleet.prefix", config.fleet_prefix().trim());
        Topics.checkPrefix("homeassistant.prefix", config.homeassistant_prefix().trim());
        return new MqttSettings(uri, node, prefix, config.fleet_prefix().trim(), config.username(),
                config.password(), config.tls_truststore().trim(), config.tls_truststore_password(),
                config.tls_keystore().trim(), config.tls_keystore_password(),
                range("stats.interval.seconds", config.stats_interval_seconds(), 1, 3600),
                config.commands_enabled(), config.fleet_enabled(), config.homeassistant_discovery(),
                config.homeassistant_prefix().trim(), range("qos.state", config.qos_state(), 0, 2),
                range("qos.events", config.qos_events(), 0, 2), range("qos.stats", config.qos_stats(), 0, 2),
                range("outbox.max.messages", config.outbox_max_messages(), 1, 10_000_000),
                range("outbox.max.bytes", config.outbox_max_bytes(), 1024, 1L << 34),
                range("snapshot.max.bytes", config.snapshot_max_bytes(), 1024, 256 * 1024 * 1024),
                range("command.max.bytes", config.command_max_bytes(), 64, 16 * 1024 * 1024),
                range("reconnect.min.ms", config.reconnect_min_ms(), 10, 3_600_000),
                range("reconnect.max.ms", config.reconnect_max_ms(), config.reconnect_min_ms(), 3_600_000),
                range("keepalive.seconds", config.keepalive_seconds(), 0, 65535));
    }

    private static void checkUri(String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("tcp") && !scheme.equals("ssl") || parsed.getHost() == null) {
                throw new IllegalArgumentException("server.uri '" + uri + "' must be tcp://host:port or "
                        + "ssl://host:port");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server.uri '" + uri + "' is not a URI: " + e.getMessage()
                    + "; write tcp://host:port or ssl://host:port", e);
        }
    }

    private static int range(String key, int value, int min, int max) {
        return (int) range(key, (long) value, min, max);
    }

    private static long range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        } catch (UnknownHostException e) {
            return "kapture";
        }
    }

    @Override
    public String toString() {
        return "MQTT " + (connects() ? serverUri : "(no server.uri)") + " as " + nodeId + " under " + prefix
                + (username.isEmpty() ? "" : ", user " + username);
    }
}
