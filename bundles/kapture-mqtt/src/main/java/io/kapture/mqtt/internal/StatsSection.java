package io.kapture.mqtt.internal;

import com.google.gson.JsonObject;

/**
 * A part of a camera's stats payload ({@code <prefix>/<camera>/stats}) that an optional bundle contributes, in the
 * bridge's own types, so that neither {@link MqttBridge} nor {@link CameraReporter} refers to a class of the
 * optional package: only the implementation (a component SCR loads once that bundle's service exists) does.
 *
 * <p>Thread-safety: implementations may be called from any thread (the bridge's timer thread calls them).
 */
public interface StatsSection {

    /** Adds this section's figures of {@code camera} to its stats payload; nothing if the camera has none. */
    void addTo(JsonObject stats, String camera);
}
