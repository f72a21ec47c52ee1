package io.kapture.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration {@value MqttBridge#PID}: the broker, what to publish and how, and whether remote commands and
 * fleet configuration are accepted. Nothing connects while {@link #server_uri()} is empty. Public (in this
 * unexported package) for the benchmarks, which build settings from it.
 */
@ObjectClassDefinition(name = "Kapture MQTT bridge",
        description = "Publishes node status, camera state, statistics and motion events to an MQTT broker and, "
                + "when enabled, accepts commands and desired camera configurations")
public @interface MqttConfig {

    @AttributeDefinition(description = "Broker URI: tcp://host:1883 or ssl://host:8883; empty = not connected")
    String server_uri() default "";

    @AttributeDefinition(description = "This node's id in topics and the client id; empty = the host name")
    String node_id() default "";

    @AttributeDefinition(description = "Topic prefix; empty = kapture/<node id>")
    String prefix() default "";

    @AttributeDefinition(description = "Prefix of fleet-wide desired configurations (<fleet.prefix>/config/<camera>)")
    String fleet_prefix() default "kapture/fleet";

    @AttributeDefinition(description = "User name for the broker; empty = anonymous")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password for the broker; never logged")
    String password() default "";

    @AttributeDefinition(description = "TLS trust store (JKS or PKCS12 file) for ssl:// URIs; empty = the JVM's")
    String tls_truststore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Trust store password")
    String tls_truststore_password() default "";

    @AttributeDefinition(description = "TLS client key store (PKCS12 or JKS) for client-certificate login; empty = none")
    String tls_keystore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Key store password")
    String tls_keystore_password() default "";

    @AttributeDefinition(description = "Seconds between statistics messages per camera, 1 to 3600")
    int stats_interval_seconds() default 10;

    @AttributeDefinition(description = "Accept commands on <prefix>/<camera>/cmd/<verb>")
    boolean commands_enabled() default false;

    @AttributeDefinition(description = "Apply desired camera configurations from <prefix>/config/<camera> and "
            + "<fleet.prefix>/config/<camera>")
    boolean fleet_enabled() default false;

    @AttributeDefinition(description = "Publish Home Assistant MQTT discovery messages")
    boolean homeassistant_discovery() default false;

    @AttributeDefinition(description = "Home Assistant's discovery prefix")
    String homeassistant_prefix() default "homeassistant";

    @AttributeDefinition(description = "QoS of status, camera state, replies and configuration messages (0-2)")
    int qos_state() default 1;

    @AttributeDefinition(description = "QoS of motion events and snapshot notices (0-2)")
    int qos_events() default 1;

    @AttributeDefinition(description = "QoS of statistics messages (0-2)")
    int qos_stats() default 0;

    @AttributeDefinition(description = "Messages kept while the broker is unreachable; the oldest are dropped beyond")
    int outbox_max_messages() default 10000;

    @AttributeDefinition(description = "Bytes kept while the broker is unreachable; the oldest are dropped beyond")
    long outbox_max_bytes() default 8L * 1024 * 1024;

    @AttributeDefinition(description = "Largest snapshot JPEG published, in bytes")
    int snapshot_max_bytes() default 512 * 1024;

    @AttributeDefinition(description = "Largest command or desired configuration payload accepted, in bytes")
    int command_max_bytes() default 16 * 1024;

    @AttributeDefinition(description = "First reconnect delay in ms; doubles after each failure")
    long reconnect_min_ms() default 1000;

    @AttributeDefinition(description = "Longest reconnect delay in ms")
    long reconnect_max_ms() default 60000;

    @AttributeDefinition(description = "MQTT keep-alive in seconds")
    int keepalive_seconds() default 30;
}
