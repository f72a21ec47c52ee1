package io.kapture.v4l2.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kapture.api.CaptureException;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.CaptureSource;

/**
 * Applies a camera configuration's {@code controls} ({@code name=value} entries) to an opened source. A value is
 * a number, {@code true} / {@code false} for boolean controls, or a menu item's label (as listed, ignoring case
 * and with {@code _} for spaces: {@code power_line_frequency=50_hz}). Stateless; thread-safe.
 */
final class OptionControls {

    /** The configuration key. */
    static final String KEY = "controls";

    private OptionControls() {
    }

    static void apply(CaptureSource source, Map<String, ?> options) {
        List<String> entries = entries(options.get(KEY));
        if (entries.isEmpty()) {
            return;
        }
        List<ControlInfo> controls = source.controls();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new CaptureException("camera configuration 'controls': entry '" + entry + "' is not name=value,"
                        + " for example brightness=128");
            }
            String name = entry.substring(0, equals).trim();
            String value = entry.substring(equals + 1).trim();
            try {
                source.control(name, value(controls, name, value));
            } catch (IllegalArgumentException e) {
                throw new CaptureException("camera configuration 'controls': cannot apply '" + entry + "': "
                        + e.getMessage(), e);
            }
        }
    }

    private static long value(List<ControlInfo> controls, String name, String value) {
        try {
            return Long.decode(value);
        } catch (NumberFormatException notNumber) {
            if (value.equalsIgnoreCase("true")) {
                return 1;
            }
            if (value.equalsIgnoreCase("false")) {
                return 0;
            }
            for (ControlInfo control : controls) {
                if (control.name().equalsIgnoreCase(name)) {
                    for (Map.Entry<Long, String> item : control.menu().entrySet()) {
                        if (label(item.getValue()).equals(label(value))) {
                            return item.getKey();
                        }
                    }
                    throw new IllegalArgumentException("'" + value + "' is not a number nor an item of " + name
                            + (control.menu().isEmpty() ? "" : "; items: " + control.menu()));
                }
            }
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
    }

    private static String label(String text) {
        return ControlEnumerator.name(text.toLowerCase(Locale.ROOT));
    }

    private static List<String> entries(Object raw) {
        List<String> entries = new ArrayList<>();
        if (raw instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.trim());
                }
            }
        } else if (raw instanceof String[] array) {
            for (String item : array) {
                entries.addAll(entries(item));
            }
        } else if (raw instanceof Collection<?> collection) {
            for (Object item : collection) {
                entries.addAll(entries(item));
            }
        }
        return entries;
    }
}
