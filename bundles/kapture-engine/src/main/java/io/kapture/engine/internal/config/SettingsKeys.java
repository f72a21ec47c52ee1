package io.kapture.engine.internal.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.kapture.api.CameraConfiguration;

/**
 * What the engine adds to the camera configuration's keys ({@link CameraConfiguration}): the framework's
 * {@code service.pid} it names unnamed cameras by, and which keys a capture source provider may care about.
 *
 * <p>Stateless; safe from any thread.
 */
public final class SettingsKeys {

    public static final String SERVICE_PID = "service.pid";

    /**
     * How long a listener being unsubscribed, or whose camera stops, gets to return from {@code onFrame} before it
     * is interrupted (milliseconds). The engine's own key, not {@link CameraConfiguration}'s: it tunes the engine's
     * wind-down, not what is captured.
     */
    public static final String LISTENER_GRACE_MS = "listener.grace.ms";

    /** Keys the engine applies without reopening the device, so they never restart a stream. */
    private static final Set<String> LIVE = Set.of(CameraConfiguration.DELIVERY, CameraConfiguration.QUEUE_CAPACITY,
            CameraConfiguration.DROP_POLICY, CameraConfiguration.ENABLED, CameraConfiguration.RETRY_INTERVAL_MS,
            CameraConfiguration.STALL_TIMEOUT_MS, LISTENER_GRACE_MS);

    /** Prefixes of keys that Configuration Admin, SCR or File Install add; they say nothing about the device. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("service.", "component.", "felix.", ".");

    private SettingsKeys() {
    }

    /**
     * The part of a configuration a provider may read in {@code open}: everything but the live keys and the
     * framework's, arrays turned into lists so that two configurations compare by content.
     */
    static Map<String, Object> providerOptions(Map<String, Object> options) {
        Map<String, Object> relevant = new TreeMap<>();
        options.forEach((key, value) -> {
            if (!LIVE.contains(key) && FRAMEWORK_PREFIXES.stream().noneMatch(key::startsWith)) {
                relevant.put(key, comparable(value));
            }
        });
        return relevant;
    }

    private static Object comparable(Object value) {
        if (value != null && value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> items = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                items.add(Array.get(value, i));
            }
            return items;
        }
        return value;
    }
}
