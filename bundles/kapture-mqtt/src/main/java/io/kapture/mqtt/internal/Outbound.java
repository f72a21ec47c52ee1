package io.kapture.mqtt.internal;

import java.nio.charset.StandardCharsets;

/**
 * One message waiting to be published.
 *
 * <p>Immutable apart from the payload array, which nobody changes after construction; safe from any thread.
 */
record Outbound(String topic, byte[] payload, int qos, boolean retained) {

    static Outbound text(String topic, String payload, int qos, boolean retained) {
        return new Outbound(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
    }

    /** Bytes counted against the outbox's budget: payload and topic. */
    long size() {
        return payload.length + (long) topic.length();
    }
}
