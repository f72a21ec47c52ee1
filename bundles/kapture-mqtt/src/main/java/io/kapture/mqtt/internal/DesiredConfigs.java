package io.kapture.mqtt.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;

import io.kapture.api.CameraConfiguration;

/**
 * Fleet configuration, the device-shadow way: retained desired configurations arrive on
 * {@code <prefix>/config/<camera>} (this node) and {@code <fleet.prefix>/config/<camera>} (every node); for each
 * camera the node's own one wins over the fleet's. The winner is written through the {@link CameraStore} (only when
 * it differs from what is configured, so a broker restart or reboot that delivers the same retained messages again
 * changes nothing), and the outcome is published retained on {@code <prefix>/config/<camera>/reported}: the desired
 * settings, where they came from, and the engine's error if it refused them. An empty retained message deletes a
 * desired configuration; when neither is left, the camera is removed, if a desired configuration made it.
 *
 * <p>Threading contract: {@link #arrived} and {@link #sweep} run on the bridge's command thread only; the maps are
 * confined to it.
 */
final class DesiredConfigs {

    private static final Logger LOG = LoggerFactory.getLogger(DesiredConfigs.class);
    private static final long VERDICT_MILLIS = 10_000;

    /** Where a desired configuration came from, as reported. */
    enum Source {
        NODE, FLEET
    }

    private final MqttSettings settings;
    private final Topics topics;
    private final Outbox outbox;
    private final CameraStore store;
    private final Map<String, Map<String, Object>> node = new HashMap<>();
    private final Map<String, Map<String, Object>> fleet = new HashMap<>();

    DesiredConfigs(MqttSettings settings, Topics topics, Outbox outbox, CameraStore store) {
        this.settings = settings;
        this.topics = topics;
        this.outbox = outbox;
        this.store = store;
    }

    /** Handles a message of the desired-configuration subscriptions; other topics are ignored. */
    void arrived(String topic, byte[] payload) throws InterruptedException {
        Optional<String> nodeCamera = topics.nodeConfig(topic);
        Optional<String> camera = nodeCamera.or(() -> topics.fleetConfig(topic));
        if (camera.isEmpty()) {
            return;
        }
        Source source = nodeCamera.isPresent() ? Source.NODE : Source.FLEET;
        String name = camera.get();
        if (!Topics.isLevel(name)) {
            LOG.warn("Ignoring desired configuration on {}: '{}' cannot name a camera", topic,
                    CameraKeys.printable(name));
            return;
        }
        Map<String, Map<String, Object>> desired = source == Source.NODE ? node : fleet;
        if (payload.length == 0) {
            desired.remove(name);
        } else {
            try {
                JsonObject json = Json.object(payload, settings.commandMaxBytes());
                Map<String, Object> values = CameraKeys.of(json, Set.of("id"));
                values.values().removeIf(Objects::isNull);
                desired.put(name, values);
            } catch (IllegalArgumentException e) {
                report(name, source, null, "desired configuration on " + topic + " refused, nothing changed: "
                        + e.getMessage());
                return;
            }
        }
        apply(name);
    }

    /** Removes cameras that desired configurations made and that none asks for any more (deleted while away). */
    void sweep() throws IOException, InterruptedException {
        for (String camera : store.managed()) {
            if (!node.containsKey(camera) && !fleet.containsKey(camera)) {
                apply(camera);
            }
        }
    }

    private void apply(String camera) throws InterruptedException {
        Source source = node.containsKey(camera) ? Source.NODE : fleet.containsKey(camera) ? Source.FLEET : null;
        try {
            Optional<Map<String, Object>> current = store.read(camera);
            if (source == null) {
                if (current.isPresent() && current.get().containsKey(CameraKeys.MANAGED)) {
                    store.delete(camera);
                    LOG.info("Camera {} removed: its desired configuration was deleted", camera);
                }
                outbox.offer(new Outbound(topics.reported(camera), new byte[0], settings.qosState(), true));
                return;
            }
            Map<String, Object> wanted = new LinkedHashMap<>(source == Source.NODE ? node.get(camera)
                    : fleet.get(camera));
            wanted.put(CameraConfiguration.NAME, camera);
            wanted.put(CameraKeys.MANAGED, source.name().toLowerCase(java.util.Locale.ROOT));
            Optional<String> error;
            if (current.isPresent() && same(current.get(), wanted)) {
                error = store.lastError(camera);
            } else {
                Optional<String> before = store.lastError(camera);
                store.write(camera, wanted);
                error = store.verdict(camera, wanted, before, VERDICT_MILLIS);
                LOG.info("Camera {} configured from its {} desired configuration{}", camera,
                        source.name().toLowerCase(java.util.Locale.ROOT), error.map(e -> ", refused: " + e).orElse(""));
            }
            report(camera, source, wanted, error.orElse(null));
        } catch (IOException | RuntimeException e) {
            report(camera, source, null, "cannot apply the desired configuration: " + e.getMessage());
        }
    }

    private static boolean same(Map<String, Object> current, Map<String, Object> wanted) {
        if (current.size() != wanted.size()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : wanted.entrySet()) {
            Object value = current.get(entry.getKey());
            if (!Settings.json(Map.of("v", entry.getValue())).equals(Settings.json(singleton(value)))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> singleton(Object value) {
        Map<String, Object> map = new HashMap<>();
        map.put("v", value);
        return map;
    }

    private void report(String camera, Source source, Map<String, Object> desired, String error) {
        JsonObject reported = new JsonObject();
        reported.addProperty("camera", camera);
        reported.addProperty("node", settings.nodeId());
        reported.addProperty("source", source == null ? null : source.name().toLowerCase(java.util.Locale.ROOT));
        reported.addProperty("applied", desired != null && error == null);
        if (desired != null) {
            reported.add("desired", Settings.json(desired));
        }
        reported.addProperty("error", error);
        reported.addProperty("time", System.currentTimeMillis());
        outbox.offer(Outbound.text(topics.reported(camera), reported.toString(), settings.qosState(), true));
    }
}
