package io.kapture.mqtt.internal;

import java.util.Collection;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Configuration properties as JSON, for replies and reported configurations.
 *
 * <p>Stateless; safe from any thread.
 */
final class Settings {

    private Settings() {
    }

    static JsonObject json(Map<String, Object> properties) {
        JsonObject json = new JsonObject();
        properties.forEach((key, value) -> json.add(key, value(value)));
        return json;
    }

    private static JsonElement value(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(Double.isFinite(number.doubleValue()) ? number : 0);
        }
        if (value instanceof Object[] array) {
            JsonArray json = new JsonArray();
            for (Object item : array) {
                json.add(value(item));
            }
            return json;
        }
        if (value instanceof Collection<?> collection) {
            return value(collection.toArray());
        }
        return new JsonPrimitive(String.valueOf(value));
    }
}
