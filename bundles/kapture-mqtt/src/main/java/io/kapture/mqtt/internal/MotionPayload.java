package io.kapture.mqtt.internal;

import java.util.Optional;

import org.osgi.service.event.Event;

import com.google.gson.JsonObject;

/**
 * Turns the motion processor's EventAdmin events ({@code io/kapture/motion/START} and {@code END}) into the JSON
 * published on {@code <prefix>/<camera>/motion}.
 *
 * <p>Stateless; safe from any thread.
 */
final class MotionPayload {

    static final String TOPIC_FILTER = "io/kapture/motion/*";

    private MotionPayload() {
    }

    /** The camera and document of a motion event; empty for other topics or events without a usable camera. */
    static Optional<Motion> of(Event event) {
        String topic = event.getTopic();
        String kind = topic.substring(topic.lastIndexOf('/') + 1);
        Object camera = event.getProperty("camera");
        if (!(kind.equals("START") || kind.equals("END")) || !(camera instanceof String name)
                || !Topics.isLevel(name)) {
            return Optional.empty();
        }
        JsonObject json = new JsonObject();
        json.addProperty("camera", name);
        json.addProperty("event", kind);
        number(json, "time", event.getProperty("time"));
        json.addProperty("published", System.currentTimeMillis());
        number(json, "sequence", event.getProperty("sequence"));
        JsonObject box = new JsonObject();
        number(box, "x", event.getProperty("bbox.x"));
        number(box, "y", event.getProperty("bbox.y"));
        number(box, "width", event.getProperty("bbox.width"));
        number(box, "height", event.getProperty("bbox.height"));
        json.add("bbox", box);
        number(json, "score", event.getProperty("score"));
        number(json, "durationMs", event.getProperty("duration.ms"));
        return Optional.of(new Motion(name, json));
    }

    private static void number(JsonObject json, String key, Object value) {
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            json.addProperty(key, number);
        }
    }

    record Motion(String camera, JsonObject json) {
    }
}
