package io.kapture.synthetic.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.kapture.synthetic.internal.paint.Pattern;

/**
 * The synthetic camera's own settings, read from a camera's configuration (which reaches the provider as the
 * {@code open} options). Values may arrive as strings or as any number type, as ConfigurationAdmin, Felix
 * fileinstall and tests each deliver them; anything that is not a whole number in range is refused with a
 * message naming the key.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param pattern           the test pattern, if the configuration names one
 * @param lostAfterFrames   frames delivered before the device is "lost"; 0 = never
 * @param returnAfterMillis how long a lost device stays away; 0 = it can be reopened at once
 * @param corruptEvery      every Nth frame is flagged as corrupted; 0 = never
 * @param jitterMillis      each frame's due time is delayed by a random 0..J ms; 0 = none
 */
record SyntheticOptions(Optional<Pattern> pattern, long lostAfterFrames, long returnAfterMillis, int corruptEvery,
        int jitterMillis) {

    static final String PATTERN = "synthetic.pattern";
    static final String LOST_AFTER = "synthetic.fault.lost.after";
    static final String RETURN_AFTER_MS = "synthetic.fault.return.after.ms";
    static final String CORRUPT_EVERY = "synthetic.fault.corrupt.every";
    static final String JITTER_MS = "synthetic.fault.jitter.ms";

    /** Jitter above a minute is surely a mistake (milliseconds taken for microseconds, ...). */
    private static final int MAX_JITTER_MS = 60_000;

    static final SyntheticOptions DEFAULTS = new SyntheticOptions(Optional.empty(), 0, 0, 0, 0);

    /**
     * Reads the synthetic keys of a configuration; other keys are ignored.
     *
     * @throws IllegalArgumentException naming the key, the valid values and what was given
     */
    static SyntheticOptions parse(Map<String, ?> options) {
        if (options == null || options.isEmpty()) {
            return DEFAULTS;
        }
        Object pattern = single(options.get(PATTERN));
        Optional<Pattern> parsedPattern = Optional.empty();
        if (pattern != null && !pattern.toString().isBlank()) {
            try {
                parsedPattern = Optional.of(Pattern.parse(pattern.toString()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PATTERN + ": " + e.getMessage(), e);
            }
        }
        return new SyntheticOptions(parsedPattern,
                whole(options, LOST_AFTER, Long.MAX_VALUE),
                whole(options, RETURN_AFTER_MS, Long.MAX_VALUE),
                (int) whole(options, CORRUPT_EVERY, Integer.MAX_VALUE),
                (int) whole(options, JITTER_MS, MAX_JITTER_MS));
    }

    private static long whole(Map<String, ?> options, String key, long maximum) {
        Object value = single(options.get(key));
        if (value == null || value instanceof String text && text.isBlank()) {
            return 0;
        }
        long parsed;
        try {
            BigDecimal number;
            if (value instanceof Double || value instanceof Float) {
                number = BigDecimal.valueOf(((Number) value).doubleValue());
            } else if (value instanceof Number || value instanceof String) {
                number = new BigDecimal(value.toString().trim());
            } else {
                throw new NumberFormatException();
            }
            parsed = number.stripTrailingZeros().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(key, maximum, value);
        }
        if (parsed < 0 || parsed > maximum) {
            throw invalid(key, maximum, value);
        }
        return parsed;
    }

    private static IllegalArgumentException invalid(String key, long maximum, Object value) {
        return new IllegalArgumentException(key + " must be a whole number from 0 to " + maximum + " (0 = off), was '"
                + value + "' (" + value.getClass().getSimpleName() + ")");
    }

    /** ConfigurationAdmin may hand a one-element array or collection where a scalar was meant. */
    private static Object single(Object value) {
        if (value != null && value.getClass().isArray() && Array.getLength(value) == 1) {
            return Array.get(value, 0);
        }
        if (value instanceof Collection<?> collection && collection.size() == 1) {
            return collection.iterator().next();
        }
        return value;
    }
}
