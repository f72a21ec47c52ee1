package io.kapture.web.chromium;

import java.util.Optional;

/**
 * Reads one string field out of a DevTools reply, enough for {@code value} and {@code data}: finds the first
 * {@code "name":"} and decodes the JSON string that follows, escapes included. Stateless; safe from any thread.
 */
final class Json {

    private Json() {
    }

    static Optional<String> stringField(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return Optional.empty();
        }
        StringBuilder value = new StringBuilder();
        for (int i = at + key.length(); i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return Optional.of(value.toString());
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = json.charAt(++i);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> value.append(escaped);
            }
        }
        return Optional.empty();
    }
}
