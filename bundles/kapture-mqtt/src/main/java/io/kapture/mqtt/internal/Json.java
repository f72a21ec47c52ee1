package io.kapture.mqtt.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reads incoming payloads as JSON objects with Gson, strictly: one object, valid UTF-8, at most a given size, nested
 * at most {@value #MAX_NESTING} deep (Gson's reader counts the depth, and its tree adapter is not recursive, so a
 * hostile payload can neither exhaust the stack nor the heap beyond the size limit). Every refusal is an
 * {@link IllegalArgumentException} whose message says what was wrong.
 *
 * <p>Stateless; safe from any thread (Gson and its adapters are thread-safe).
 */
final class Json {

    static final int MAX_NESTING = 32;
    private static final TypeAdapter<JsonElement> TREE = new Gson().getAdapter(JsonElement.class);

    private Json() {
    }

    /** {@code payload} as a JSON object; an empty payload is an empty object. */
    static JsonObject object(byte[] payload, int maxBytes) {
        if (payload.length > maxBytes) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes is larger than the "
                    + maxBytes + " bytes accepted (command.max.bytes)");
        }
        if (payload.length == 0) {
            return new JsonObject();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("payload is not UTF-8 text; send a JSON object", e);
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(MAX_NESTING);
            JsonElement element = TREE.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("payload has more after its JSON value; send one JSON object");
            }
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException("payload is JSON but not an object; send {\"key\": value, ...}");
            }
            return element.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException("payload is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A correlation id the sender may put in {@code "id"}, as text; empty if absent or not a string/number. */
    static String id(JsonObject request) {
        JsonElement id = request.get("id");
        if (id == null || !id.isJsonPrimitive()) {
            return "";
        }
        String text = id.getAsString();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
