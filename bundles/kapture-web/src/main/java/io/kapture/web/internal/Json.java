package io.kapture.web.internal;

/**
 * Just enough JSON writing for the statistics endpoint: objects, arrays, strings, numbers, booleans and null,
 * appended to one builder. Strings are escaped so that the output is safe even inside HTML ({@code <}, {@code >}
 * and {@code &} as {@code \\u} escapes). Numbers that JSON cannot carry (NaN, infinities) become null.
 *
 * <p>Threading contract: not thread-safe; one instance per response.
 */
final class Json {

    private final StringBuilder out = new StringBuilder(512);
    private boolean needsComma;

    Json beginObject() {
        comma();
        out.append('{');
        needsComma = false;
        return this;
    }

    Json endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    Json beginArray(String name) {
        key(name);
        out.append('[');
        needsComma = false;
        return this;
    }

    Json endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    Json field(String name, String value) {
        key(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needsComma = true;
        return this;
    }

    Json field(String name, long value) {
        key(name);
        out.append(value);
        needsComma = true;
        return this;
    }

    Json field(String name, double value) {
        key(name);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.append("null");
        } else {
            out.append(value);
        }
        needsComma = true;
        return this;
    }

    Json field(String name, boolean value) {
        key(name);
        out.append(value);
        needsComma = true;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void key(String name) {
        comma();
        string(name);
        out.append(':');
    }

    private void comma() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
