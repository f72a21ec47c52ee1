package io.kapture.vivid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.kapture.api.spi.FormatDescription;

/**
 * Compares Kapture's enumeration of a device ({@link FormatDescription}s) with v4l2-ctl's of the same device in
 * the same guest: the same fourcc codes in the same order, the same description, the same discrete sizes and
 * the same frame rates per size (to v4l2-ctl's three decimals).
 *
 * <p>Stateless; thread-safe.
 */
final class FormatComparison {

    /** v4l2-ctl prints rates with three decimals. */
    private static final double RATE_TOLERANCE = 0.0006;
    private static final int MAX_REPORTED = 8;

    private FormatComparison() {
    }

    /** The differences in words, at most a few; empty if the two agree. */
    static List<String> differences(FormatListing reference, List<FormatDescription> kapture) {
        List<String> problems = new ArrayList<>();
        List<String> referenceCodes = reference.formats().stream()
                .map(f -> FormatListing.fourccName(f.fourcc())).toList();
        List<String> kaptureCodes = kapture.stream().map(f -> FormatListing.fourccName(f.fourcc())).toList();
        if (!referenceCodes.equals(kaptureCodes)) {
            problems.add("formats differ: v4l2-ctl " + referenceCodes + ", Kapture " + kaptureCodes);
        }
        Map<Integer, FormatDescription> byCode = new LinkedHashMap<>();
        kapture.forEach(f -> byCode.put(f.fourcc(), f));
        for (FormatListing.Format expected : reference.formats()) {
            FormatDescription actual = byCode.get(expected.fourcc());
            if (actual != null) {
                compare(expected, actual, problems);
            }
        }
        return problems.size() > MAX_REPORTED
                ? List.copyOf(withTail(problems.subList(0, MAX_REPORTED), problems.size() - MAX_REPORTED))
                : List.copyOf(problems);
    }

    private static void compare(FormatListing.Format expected, FormatDescription actual, List<String> problems) {
        String name = FormatListing.fourccName(expected.fourcc());
        if (!expected.describedAs(actual.description())) {
            problems.add(name + ": description '" + actual.description() + "', v4l2-ctl says '"
                    + expected.description() + "'");
        }
        if (expected.stepwise()) {
            return;
        }
        Map<String, List<Double>> wanted = sizes(expected);
        Map<String, List<Double>> got = new LinkedHashMap<>();
        for (FormatDescription.FrameSize size : actual.sizes()) {
            got.put(size.width() + "x" + size.height(), size.framesPerSecond());
        }
        if (!wanted.keySet().equals(got.keySet())) {
            problems.add(name + ": sizes " + got.keySet() + ", v4l2-ctl lists " + wanted.keySet());
            return;
        }
        for (Map.Entry<String, List<Double>> size : wanted.entrySet()) {
            if (!sameRates(size.getValue(), got.get(size.getKey()))) {
                problems.add(name + " " + size.getKey() + ": rates " + rates(got.get(size.getKey()))
                        + ", v4l2-ctl lists " + rates(size.getValue()));
            }
        }
    }

    private static Map<String, List<Double>> sizes(FormatListing.Format format) {
        Map<String, List<Double>> sizes = new LinkedHashMap<>();
        for (FormatListing.Size size : format.sizes()) {
            sizes.put(size.width() + "x" + size.height(), size.framesPerSecond());
        }
        return sizes;
    }

    /** The same rates, whatever the order (Kapture lists the highest first, vivid the lowest). */
    private static boolean sameRates(List<Double> expected, List<Double> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        List<Double> a = new ArrayList<>(new TreeSet<>(expected));
        List<Double> b = new ArrayList<>(new TreeSet<>(actual));
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (Math.abs(a.get(i) - b.get(i)) > RATE_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static String rates(List<Double> rates) {
        return rates.stream().sorted().map(r -> String.format(Locale.ROOT, "%.3f", r))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static List<String> withTail(List<String> shown, int more) {
        List<String> list = new ArrayList<>(shown);
        list.add("and " + more + " more");
        return list;
    }
}
