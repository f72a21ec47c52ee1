package io.kapture.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options the distribution starts with (its {@code bin/setenv}, {@code KAPTURE_JAVA_OPTS}: heap, direct
 * memory, garbage collector), so that Pax Exam, which starts Java itself rather than through {@code bin/karaf},
 * runs the tests under the same limits. Read from the source tree, the one place they are written.
 *
 * <p>Stateless; used once per test class, outside the container.
 */
final class DistributionJvm {

    private static final Path SETENV = Path.of("..", "karaf-dist", "src", "main", "resources", "bin", "setenv");
    private static final Pattern OPTIONS = Pattern.compile("(?m)^KAPTURE_JAVA_OPTS=\"([^\"]*)\"");

    private DistributionJvm() {
    }

    /** The options, one per element. */
    static String[] options() {
        try {
            Matcher matcher = OPTIONS.matcher(Files.readString(SETENV));
            if (!matcher.find()) {
                throw new IllegalStateException(SETENV.toAbsolutePath() + " sets no KAPTURE_JAVA_OPTS=\"...\"");
            }
            return matcher.group(1).trim().split("\\s+");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the distribution's JVM options from "
                    + SETENV.toAbsolutePath(), e);
        }
    }
}
