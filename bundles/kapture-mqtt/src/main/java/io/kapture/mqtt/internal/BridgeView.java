package io.kapture.mqtt.internal;

import java.util.Optional;

/**
 * What {@code kapture:mqtt} shows: the bridge's settings (never a password), the connection and its counters.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param settings      the settings in words ({@link MqttSettings#toString()}, which leaves passwords out), or
 *                      empty if they were refused
 * @param settingsError why the configuration was refused, or empty
 * @param active        whether a broker is configured and the bridge runs
 * @param connected     whether connected now
 * @param sinceMillis   when the connection was made or lost
 * @param lastError     the last connection problem
 * @param published     messages sent to the broker
 * @param received      messages received from the broker
 * @param motionEvents  motion events queued for publishing
 * @param offered       messages ever queued for publishing
 * @param buffered      messages waiting in the outbox
 * @param bufferedBytes their bytes
 * @param dropped       messages dropped because the outbox was full
 * @param superseded    stats messages replaced in the outbox by newer ones of their camera before they were sent
 * @param recorder      the recorder watch in words: recordings announced, or why there are none
 * @param inboxDropped  incoming messages dropped because commands ran behind
 * @param features      what is switched on: commands, fleet, Home Assistant
 */
public record BridgeView(Optional<String> settings, Optional<String> settingsError, boolean active,
        boolean connected, long sinceMillis, Optional<String> lastError, long published, long received,
        long motionEvents, long offered, long buffered, long bufferedBytes, long dropped, long superseded, long inboxDropped,
        String recorder, String features) {

    static BridgeView idle(Optional<MqttSettings> settings, String settingsError) {
        return new BridgeView(settings.map(MqttSettings::toString), Optional.ofNullable(settingsError), false, false,
                0, Optional.empty(), 0, 0, 0, 0, 0, 0, 0, 0, 0, "", "");
    }
}
