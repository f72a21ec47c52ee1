package io.kapture.mqtt.internal;

import java.nio.charset.StandardCharsets;

/**
 * One message waiting to be published. A {@code latestOnly} message (periodic stats) is worth sending only while it
 * is the newest of its topic: the {@link Outbox} replaces a queued one by a newer one of the same topic, and drops
 * such messages first when it is full, so that events never wait behind, or are dropped for, old figures.
 *
 * <p>Immutable apart from the payload array, which nobody changes after construction; safe from any thread.
 */
record Outbound(String topic, byte[] payload, int qos, boolean retained, boolean latestOnly) {

    Outbound(String topic, byte[] payload, int qos, boolean retained) {
        this(topic, payload, qos, retained, false);
    }

    static Outbound text(String topic, String payload, int qos, boolean retained) {
        return new Outbound(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
    }

    /** A message that a newer one of the same topic makes worthless (not retained). */
    static Outbound latest(String topic, String payload, int qos) {
        return new Outbound(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false, true);
    }

    /** Bytes counted against the outbox's budget: payload and topic. */
    long size() {
        return payload.length + (long) topic.length();
    }
}
