package io.kapture.mqtt.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Home Assistant MQTT discovery (opt-in, {@code homeassistant.discovery}): per camera, a {@code camera} entity fed
 * by the snapshot JPEG topic and a {@code binary_sensor} of device class motion fed by the motion topic, both
 * available while the node's retained status says {@code online} (its last will says {@code offline}). Removing a
 * camera publishes the empty retained message that removes the entities.
 *
 * <p>Threading contract: called from the bridge's timer thread only; stateless apart from immutable settings.
 */
final class HomeAssistant {

    private final MqttSettings settings;
    private final Topics topics;
    private final Outbox outbox;

    HomeAssistant(MqttSettings settings, Topics topics, Outbox outbox) {
        this.settings = settings;
        this.topics = topics;
        this.outbox = outbox;
    }

    void added(String camera) {
        if (settings.homeAssistant()) {
            outbox.offer(Outbound.text(cameraTopic(camera), camera(camera).toString(), settings.qosState(), true));
            outbox.offer(Outbound.text(motionTopic(camera), motion(camera).toString(), settings.qosState(), true));
        }
    }

    void removed(String camera) {
        if (settings.homeAssistant()) {
            outbox.offer(new Outbound(cameraTopic(camera), new byte[0], settings.qosState(), true));
            outbox.offer(new Outbound(motionTopic(camera), new byte[0], settings.qosState(), true));
        }
    }

    String cameraTopic(String camera) {
        return settings.homeAssistantPrefix() + "/camera/" + objectId(camera) + "/config";
    }

    String motionTopic(String camera) {
        return settings.homeAssistantPrefix() + "/binary_sensor/" + objectId(camera) + "_motion/config";
    }

    JsonObject camera(String camera) {
        JsonObject json = common(camera, camera, objectId(camera));
        json.addProperty("topic", topics.snapshotJpeg(camera));
        return json;
    }

    JsonObject motion(String camera) {
        JsonObject json = common(camera, camera + " motion", objectId(camera) + "_motion");
        json.addProperty("device_class", "motion");
        json.addProperty("state_topic", topics.motion(camera));
        json.addProperty("value_template", "{{ value_json.event }}");
        json.addProperty("payload_on", "START");
        json.addProperty("payload_off", "END");
        return json;
    }

    private JsonObject common(String camera, String name, String uniqueId) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("unique_id", uniqueId);
        json.addProperty("availability_topic", topics.status());
        json.addProperty("availability_template", "{{ value_json.state }}");
        json.addProperty("payload_available", "online");
        json.addProperty("payload_not_available", "offline");
        JsonObject device = new JsonObject();
        JsonArray identifiers = new JsonArray();
        identifiers.add("kapture_" + safe(settings.nodeId()) + "_" + safe(camera));
        device.add("identifiers", identifiers);
        device.addProperty("name", "Kapture " + settings.nodeId() + " " + camera);
        device.addProperty("manufacturer", "Kapture");
        json.add("device", device);
        return json;
    }

    /** Home Assistant wants object ids of letters, digits, '_' and '-' only. */
    String objectId(String camera) {
        return "kapture_" + safe(settings.nodeId()) + "_" + safe(camera);
    }

    static String safe(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            out.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-') ? c : '_');
        }
        return out.toString();
    }
}
