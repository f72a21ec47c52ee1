package io.kapture.engine.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed values for every attribute of the camera metatype the engine validates: wrong types, sizes far too
 * large, zero and negative numbers, unknown enum names, empty and blank strings, and seeded random numbers
 * outside each attribute's range. Every value here must be rejected; none is valid by chance.
 *
 * <p>Immutable once built; safe from any thread.
 */
final class MalformedValues {

    private static final Object WRONG_TYPE_OBJECT = new Object() {
        @Override
        public String toString() {
            return "an object";
        }
    };

    private MalformedValues() {
    }

    /** Pairs of key and malformed value, the same for the same seed. */
    static List<Map.Entry<String, Object>> all(long seed) {
        Random random = new Random(seed);
        List<Map.Entry<String, Object>> values = new ArrayList<>();
        for (String key : List.of("width", "height")) {
            add(values, key, 0, -1, 16_385, Long.MAX_VALUE, Integer.MIN_VALUE, "abc", "", "  ", "12px", 1.5,
                    Double.NaN, Double.POSITIVE_INFINITY, true, new int[] {160}, WRONG_TYPE_OBJECT,
                    16_385 + random.nextInt(1 << 24), -random.nextInt(1 << 24), String.valueOf(-1 - random.nextInt(99)));
        }
        add(values, "pixel.format", "", " ", "NOPE", "YUYV2", 42, true, new String[] {"YUYV"}, randomWord(random, 9));
        add(values, "fps", -1, -0.5, 1000.5, 1e300, Double.NaN, Double.NEGATIVE_INFINITY, "fast", "", "30fps", true,
                WRONG_TYPE_OBJECT, 1001 + random.nextInt(1 << 20), -1 - random.nextDouble());
        add(values, "buffers", 0, 1, -4, 33, Long.MAX_VALUE, "many", "", 2.5, false, 33 + random.nextInt(1000));
        add(values, "delivery", "", "   ", 42, true, new String[] {"pool"}, WRONG_TYPE_OBJECT);
        add(values, "device", "", " ", 0, false, WRONG_TYPE_OBJECT);
        add(values, "queue.capacity", 0, -1, 1025, Integer.MAX_VALUE, "x", "", 0.5, 1025 + random.nextInt(1 << 20));
        add(values, "drop.policy", "", "DROP_SOMETIMES", "drop oldest", 7, true, randomWord(random, 12));
        add(values, "enabled", "yes", "1", "", 1, 0.0, WRONG_TYPE_OBJECT);
        add(values, "controls", 42, "brightness", "=5", "brightness=abc", "brightness=", "brightness=1.5",
                new int[] {1}, List.of(1, 2), "brightness=" + "9".repeat(25));
        add(values, "retry.interval.ms", 0, 9, -1, 3_600_001, Long.MIN_VALUE, "soon", "", 1.25,
                3_600_001 + random.nextInt(1 << 30));
        add(values, "stall.timeout.ms", 1, 99, -1, Long.MIN_VALUE, "never", "", 0.5, 1 + random.nextInt(98));
        add(values, "name", "*", " * ");
        return values;
    }

    private static void add(List<Map.Entry<String, Object>> values, String key, Object... malformed) {
        for (Object value : malformed) {
            values.add(Map.entry(key, value));
        }
    }

    private static String randomWord(Random random, int length) {
        StringBuilder word = new StringBuilder("Q");
        for (int i = 1; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
