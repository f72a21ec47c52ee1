package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page /kapture/metrics serves, read once, as the metrics tests check it: whether series lines (with their
 * {@code # TYPE} line, or several in a row) stand on it verbatim, or something does not; a failed check names what
 * it looked for and shows the whole page.
 *
 * <p>Threading contract: immutable; one test thread uses it.
 */
final class MetricsPage {

    private final String text;

    MetricsPage(MetricsServlet servlet) {
        this.text = servlet.exposition();
    }

    /** Asserts that each run of text stands on the page as it is, newlines included. */
    MetricsPage shows(String... runs) {
        for (String run : runs) {
            assertTrue(text.contains(run), () -> "not on the page: " + run + "\n" + text);
        }
        return this;
    }

    /** Asserts that {@code run} is nowhere on the page; {@code why} says why it must not be. */
    MetricsPage lacks(String run, String why) {
        assertFalse(text.contains(run), () -> why + ": " + run + " is on the page\n" + text);
        return this;
    }
}
