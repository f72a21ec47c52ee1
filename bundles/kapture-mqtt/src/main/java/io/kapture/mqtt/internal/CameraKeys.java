package io.kapture.mqtt.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.kapture.api.CameraConfiguration;

/**
 * Turns a JSON object of camera keys into configuration values: only the keys of {@link CameraConfiguration} and the
 * synthetic camera's {@code synthetic.*} keys, each a string, number, boolean, or array of strings (for
 * {@code controls}); a JSON {@code null} removes the key. Whether a value is valid is the engine's decision, as for
 * any configuration; this class only keeps out what is not a camera setting at all.
 *
 * <p>Stateless; safe from any thread.
 */
final class CameraKeys {

    static final Set<String> KEYS = Set.of(CameraConfiguration.DEVICE, CameraConfiguration.WIDTH,
            CameraConfiguration.HEIGHT, CameraConfiguration.PIXEL_FORMAT, CameraConfiguration.FPS,
            CameraConfiguration.BUFFERS, CameraConfiguration.DELIVERY, CameraConfiguration.QUEUE_CAPACITY,
            CameraConfiguration.DROP_POLICY, CameraConfiguration.ENABLED, CameraConfiguration.CONTROLS,
            CameraConfiguration.RETRY_INTERVAL_MS, CameraConfiguration.STALL_TIMEOUT_MS);
    private static final String SYNTHETIC = "synthetic.";
    private static final int MAX_TEXT = 1024;
    private static final int MAX_ITEMS = 64;

    /** Marker stored in configurations that a desired configuration created or set. */
    static final String MANAGED = "kapture.mqtt.desired";

    private CameraKeys() {
    }

    /**
     * The settings in {@code json} minus {@code ignored} keys, in order; a value of {@code null} means remove.
     *
     * @throws IllegalArgumentException naming the first key that is not a camera setting or has an unusable type
     */
    static Map<String, Object> of(JsonObject json, Set<String> ignored) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
            String key = entry.getKey();
            if (ignored.contains(key)) {
                continue;
            }
            if (!KEYS.contains(key) && !(key.startsWith(SYNTHETIC) && key.length() < 100)) {
                throw new IllegalArgumentException("'" + printable(key) + "' is not a camera setting; allowed: "
                        + String.join(", ", List.copyOf(new java.util.TreeSet<>(KEYS))) + ", synthetic.*");
            }
            settings.put(key, value(key, entry.getValue()));
        }
        return settings;
    }

    private static Object value(String key, JsonElement value) {
        if (value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive()) {
            return primitive(key, value.getAsJsonPrimitive());
        }
        if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            if (array.size() > MAX_ITEMS) {
                throw new IllegalArgumentException(key + " has " + array.size() + " items; at most " + MAX_ITEMS);
            }
            String[] items = new String[array.size()];
            for (int i = 0; i < items.length; i++) {
                JsonElement item = array.get(i);
                if (!item.isJsonPrimitive()) {
                    throw new IllegalArgumentException(key + "[" + i + "] must be a string, number or boolean");
                }
                items[i] = text(key, item.getAsString());
            }
            return items;
        }
        throw new IllegalArgumentException(key + " must be a string, number, boolean or array of strings, "
                + "not an object");
    }

    private static Object primitive(String key, JsonPrimitive value) {
        if (value.isBoolean()) {
            return value.getAsBoolean();
        }
        if (value.isNumber()) {
            double number = value.getAsDouble();
            String literal = value.getAsString();
            boolean integral = !literal.contains(".") && !literal.contains("e") && !literal.contains("E");
            if (integral) {
                try {
                    long whole = Long.parseLong(literal);
                    if (whole == (int) whole) {
                        return Integer.valueOf((int) whole); // the engine's int keys want an Integer
                    }
                    return Long.valueOf(whole);
                } catch (NumberFormatException tooLong) {
                    throw new IllegalArgumentException(key + " " + printable(literal) + " is out of range");
                }
            }
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException(key + " " + printable(literal) + " is out of range");
            }
            return number;
        }
        return text(key, value.getAsString());
    }

    private static String text(String key, String text) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(key + " is " + text.length() + " characters long; at most " + MAX_TEXT);
        }
        return text;
    }

    /** At most 60 characters of {@code text}, control characters shown as '?', for error messages. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 60; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > 60 ? out + "..." : out.toString();
    }
}
