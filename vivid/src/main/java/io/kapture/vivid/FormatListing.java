package io.kapture.vivid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code v4l2-ctl --list-formats-ext} printed: the formats, their discrete frame sizes and, per size, the
 * frame rates. The reference Kapture's own enumeration is compared with, taken in the same guest.
 *
 * <p>Immutable once parsed; thread-safe.
 *
 * @param formats the formats in the order the driver listed them
 */
record FormatListing(List<Format> formats) {

    /** Sets the fourcc's high bit, as {@code v4l2_fourcc_be} does for big-endian variants ({@code 'Y16 -BE'}). */
    private static final int BIG_ENDIAN_BIT = 1 << 31;

    private static final Pattern FORMAT = Pattern.compile("^\\s*\\[\\d+\\]: '(.{4})(-BE)?' \\((.*)\\)\\s*$");
    private static final Pattern DISCRETE_SIZE = Pattern.compile("^\\s*Size: Discrete (\\d+)x(\\d+)\\s*$");
    private static final Pattern OTHER_SIZE = Pattern.compile("^\\s*Size: (Stepwise|Continuous) .*$");
    private static final Pattern INTERVAL = Pattern.compile("^\\s*Interval: Discrete \\S+ \\(([0-9.]+) fps\\)\\s*$");

    FormatListing {
        formats = List.copyOf(formats);
    }

    /**
     * One pixel format.
     *
     * @param fourcc      the code, with the big-endian bit where v4l2-ctl printed {@code -BE}
     * @param description the driver's description followed by v4l2-ctl's flag words ({@code csc-colorspace}, ...)
     * @param sizes       its discrete frame sizes
     * @param stepwise    whether it also offered stepwise or continuous sizes, which are not compared
     */
    record Format(int fourcc, String description, List<Size> sizes, boolean stepwise) {
        Format {
            sizes = List.copyOf(sizes);
        }

        /** Whether the driver's description (before v4l2-ctl's flag words) is {@code text}. */
        boolean describedAs(String text) {
            return description.equals(text) || description.startsWith(text + ", ");
        }
    }

    /**
     * One discrete frame size.
     *
     * @param framesPerSecond the discrete rates, as printed (three decimals)
     */
    record Size(int width, int height, List<Double> framesPerSecond) {
        Size {
            framesPerSecond = List.copyOf(framesPerSecond);
        }
    }

    /** Parses v4l2-ctl's output; lines it does not know are skipped. */
    static FormatListing parse(List<String> lines) {
        List<Format> formats = new ArrayList<>();
        FormatBuilder format = null;
        List<Double> rates = null;
        for (String line : lines) {
            Matcher m;
            if ((m = FORMAT.matcher(line)).matches()) {
                if (format != null) {
                    formats.add(format.build());
                }
                format = new FormatBuilder(fourcc(m.group(1), m.group(2) != null), m.group(3));
                rates = null;
            } else if (format != null && (m = DISCRETE_SIZE.matcher(line)).matches()) {
                rates = new ArrayList<>();
                format.sizes.add(new SizeBuilder(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), rates));
            } else if (format != null && OTHER_SIZE.matcher(line).matches()) {
                format.stepwise = true;
                rates = null;
            } else if (rates != null && (m = INTERVAL.matcher(line)).matches()) {
                rates.add(Double.parseDouble(m.group(1)));
            }
        }
        if (format != null) {
            formats.add(format.build());
        }
        return new FormatListing(formats);
    }

    /** The code of four characters, with the big-endian bit if asked. */
    static int fourcc(String chars, boolean bigEndian) {
        if (chars.length() != 4) {
            throw new IllegalArgumentException("a fourcc has four characters, '" + chars + "' has " + chars.length());
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            code |= (chars.charAt(i) & 0xff) << (8 * i);
        }
        return bigEndian ? code | BIG_ENDIAN_BIT : code;
    }

    /** The code as v4l2-ctl prints it: four characters, then {@code -BE} for big-endian variants. */
    static String fourccName(int fourcc) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            int c = fourcc >>> (8 * i) & 0xff;
            name.append(i == 3 ? (char) (c & 0x7f) : (char) c);
        }
        return (fourcc & BIG_ENDIAN_BIT) != 0 ? name + "-BE" : name.toString();
    }

    /** How many discrete sizes and rates the listing holds in all, for reports. */
    String summary() {
        int sizes = formats.stream().mapToInt(f -> f.sizes().size()).sum();
        int rates = formats.stream().flatMap(f -> f.sizes().stream()).mapToInt(s -> s.framesPerSecond().size()).sum();
        return String.format(Locale.ROOT, "%d formats, %d sizes, %d intervals", formats.size(), sizes, rates);
    }

    private static final class FormatBuilder {
        private final int fourcc;
        private final String description;
        private final List<SizeBuilder> sizes = new ArrayList<>();
        private boolean stepwise;

        FormatBuilder(int fourcc, String description) {
            this.fourcc = fourcc;
            this.description = description;
        }

        Format build() {
            return new Format(fourcc, description, sizes.stream().map(SizeBuilder::build).toList(), stepwise);
        }
    }

    private record SizeBuilder(int width, int height, List<Double> rates) {
        Size build() {
            return new Size(width, height, rates);
        }
    }
}
