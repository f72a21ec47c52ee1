package io.kapture.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the benchmark programs: {@code --name value} pairs, list values comma separated. Unknown
 * names are rejected with the list of known ones, so a typo never silently runs the defaults.
 *
 * <p>Immutable after parsing; used by the main thread.
 */
final class ProgramOptions {

    private final Map<String, String> values = new HashMap<>();

    private ProgramOptions() {
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException for an unknown name or a name without a value
     */
    static ProgramOptions parse(String[] args, Set<String> known) {
        ProgramOptions options = new ProgramOptions();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !known.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'; known: --"
                        + String.join(", --", known.stream().sorted().toList()));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            options.values.put(name, args[++i]);
        }
        return options;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    List<String> list(String name, String fallback) {
        List<String> items = new ArrayList<>();
        for (String item : text(name, fallback).split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    int whole(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " must be a whole number, was '" + value + "'");
        }
    }
}
