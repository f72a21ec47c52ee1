package io.kapture.vivid;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a streaming check up to a few times when, and only when, it fails with a {@link DriverClockGap}: the
 * check passes once one stream is clean, and its message says what the earlier streams saw, so a flaky host shows
 * in the report instead of hiding. Every other failure ends the check at once.
 *
 * <p>Stateless; thread-safe.
 */
final class Attempts {

    static final int MAX = 4;

    private Attempts() {
    }

    /** The check's message, with the driver clock gaps of earlier attempts if there were any. */
    static String upTo(int max, CheckRunner.Check check) throws Exception {
        List<String> gaps = new ArrayList<>();
        while (true) {
            try {
                String message = check.run();
                return gaps.isEmpty() ? message : message + " (attempt " + (gaps.size() + 1) + "; before: "
                        + String.join("; ", gaps) + ")";
            } catch (DriverClockGap gap) {
                gaps.add(gap.getMessage());
                if (gaps.size() >= max) {
                    throw new CheckFailure("every one of " + max + " streams had a gap: " + String.join("; ", gaps));
                }
            }
        }
    }
}
