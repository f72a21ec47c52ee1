package io.kapture.web.internal.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes metrics in the Prometheus text exposition format, version 0.0.4: per family one {@code # HELP} and one
 * {@code # TYPE} line, then its samples, all together however the samples were added. Label values are escaped
 * (backslash, double quote, line feed); families without samples are left out. Written by hand rather than with
 * the Prometheus Java client: the format is a page of rules, and the figures already exist as snapshots, so a
 * client's registry, collectors and its four jars would only copy them once more per scrape.
 *
 * <p>Threading contract: one instance per scrape, used by one thread.
 */
public final class PrometheusText {

    /** The content type Prometheus expects for this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Map<String, Family> families = new LinkedHashMap<>();

    /** The metric types used here. */
    public enum Type {
        COUNTER, GAUGE, SUMMARY, HISTOGRAM;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One family: a name, a type, a help text and samples. */
    public static final class Family {
        private final String name;
        private final Type type;
        private final String help;
        private final List<String> samples = new ArrayList<>();

        private Family(String name, Type type, String help) {
            this.name = name;
            this.type = type;
            this.help = help;
        }

        /**
         * Adds a sample of this family.
         *
         * @param value  the value
         * @param labels label names and values, alternating
         */
        public Family sample(double value, String... labels) {
            return sample("", value, labels);
        }

        /** Adds a sample whose name is the family's with a suffix, such as {@code _count} of a summary. */
        public Family sample(String suffix, double value, String... labels) {
            StringBuilder line = new StringBuilder(name).append(suffix);
            if (labels.length % 2 != 0) {
                throw new IllegalArgumentException("labels of " + name + " come in name/value pairs");
            }
            for (int i = 0; i < labels.length; i += 2) {
                if (!LABEL.matcher(labels[i]).matches() || labels[i].startsWith("__")) {
                    throw new IllegalArgumentException("not a label name: " + labels[i]);
                }
                line.append(i == 0 ? '{' : ',').append(labels[i]).append("=\"");
                escape(line, labels[i + 1] == null ? "" : labels[i + 1], true);
                line.append('"');
            }
            line.append(labels.length == 0 ? "" : "}").append(' ').append(number(value));
            samples.add(line.toString());
            return this;
        }
    }

    /** The family of this name, created with this type and help at first use. */
    public Family family(String name, Type type, String help) {
        Family family = families.computeIfAbsent(name, n -> {
            if (!NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("not a metric name: " + n);
            }
            return new Family(n, type, help);
        });
        if (family.type != type) {
            throw new IllegalArgumentException(name + " is a " + family.type.word() + ", not a " + type.word());
        }
        return family;
    }

    /** The exposition: every family with samples, in the order the families were first named. */
    public String text() {
        StringBuilder text = new StringBuilder(8192);
        for (Family family : families.values()) {
            if (family.samples.isEmpty()) {
                continue;
            }
            text.append("# HELP ").append(family.name).append(' ');
            escape(text, family.help, false);
            text.append("\n# TYPE ").append(family.name).append(' ').append(family.type.word()).append('\n');
            family.samples.forEach(sample -> text.append(sample).append('\n'));
        }
        return text.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static void escape(StringBuilder out, String value, boolean quotes) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append(quotes ? "\\\"" : "\"");
                default -> out.append(c);
            }
        }
    }
}
