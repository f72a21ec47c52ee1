package io.kapture.shell.internal.testing;

import java.util.Arrays;
import java.util.List;

/**
 * Karaf's ShellTable draws with box characters when it can tell that the stream encodes them, and with ASCII
 * otherwise; which one depends on the JVM and its options. Tests compare the ASCII form.
 *
 * <p>Threading contract: stateless.
 */
public final class Tables {

    private Tables() {
    }

    /** The trimmed cells of one table line in ASCII form. */
    public static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|")).map(String::trim).toList();
    }

    /** The text with ShellTable's box characters replaced by their ASCII forms. */
    public static String ascii(String text) {
        return text.replace('\u2502', '|').replace('\u2500', '-').replace('\u253c', '+');
    }
}
