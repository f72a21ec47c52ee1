package io.kapture.engine.internal.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values out of a raw configuration map, strictly: Configuration Admin hands over whatever the
 * administrator wrote, and a {@code .cfg} file makes every value a string. A value that is present but malformed
 * is reported (naming the key and the value) instead of being coerced to a default, which is what a typed
 * component property annotation would silently do.
 *
 * <p>Not thread-safe: one instance reads one map on one thread and collects that map's errors.
 */
final class ValueReader {

    private final Map<String, ?> raw;
    private final List<String> errors = new ArrayList<>();

    ValueReader(Map<String, ?> raw) {
        this.raw = raw;
    }

    List<String> errors() {
        return errors;
    }

    void error(String message) {
        errors.add(message);
    }

    /** Trimmed text, the default when absent, or null (error recorded) when not text. */
    String text(String key, String defaultValue) {
        Object value = raw.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String text) {
            return text.trim();
        }
        errors.add(key + " must be text, was " + describe(value));
        return null;
    }

    /** A whole number, the default when absent, or null (error recorded) when not a whole number. */
    Long whole(String key, long defaultValue) {
        Object value = raw.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p62) {
                return (long) d;
            }
        } else if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                // reported below with the key's name
            }
        }
        errors.add(key + " must be a whole number, was " + describe(value));
        return null;
    }

    /** A finite number, the default when absent, or null (error recorded) when not a finite number. */
    Double number(String key, double defaultValue) {
        Object value = raw.get(key);
        if (value == null) {
            return defaultValue;
        }
        Double parsed = null;
        if (value instanceof Number number) {
            parsed = number.doubleValue();
        } else if (value instanceof String text) {
            try {
                parsed = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                parsed = null;
            }
        }
        if (parsed == null || !Double.isFinite(parsed)) {
            errors.add(key + " must be a number, was " + describe(value));
            return null;
        }
        return parsed;
    }

    /** {@code true}/{@code false} (also as text, any case), the default when absent, or null (error recorded). */
    Boolean flag(String key, boolean defaultValue) {
        Object value = raw.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text && (text.trim().equalsIgnoreCase("true")
                || text.trim().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(text.trim());
        }
        errors.add(key + " must be true or false, was " + describe(value));
        return null;
    }

    /**
     * A list of texts from a String[] or a collection, or from one string with comma-separated items (as a
     * {@code .cfg} file gives it); empty when absent, null (error recorded) when of another type.
     */
    List<String> texts(String key) {
        Object value = raw.get(key);
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (value instanceof String text) {
            for (String item : text.split(",")) {
                items.add(item);
            }
        } else if (value instanceof String[] array) {
            items.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection
                && collection.stream().allMatch(String.class::isInstance)) {
            collection.forEach(item -> items.add((String) item));
        } else {
            errors.add(key + " must be a list of texts, was " + describe(value));
            return null;
        }
        items.replaceAll(String::trim);
        items.removeIf(String::isEmpty);
        return items;
    }

    /** A value as it should appear in a message: numbers bare, everything else quoted, with its type if odd. */
    static String describe(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof String) {
            return "'" + value + "'";
        }
        return "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }
}
