package io.kapture.vivid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a guest program (v4l2-ctl, rmmod, insmod) to its end, bounded by a time limit, and fails the check with
 * its output unless it exits 0.
 *
 * <p>Stateless; thread-safe (each call is its own process).
 */
final class Command {

    private static final long TIME_LIMIT_SECONDS = 60;

    private Command() {
    }

    /** The program's output lines (standard output and error merged); {@code purpose} words a failure. */
    static List<String> run(List<String> command, String purpose) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new CheckFailure(purpose + ": " + String.join(" ", command) + " did not finish in "
                        + TIME_LIMIT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new CheckFailure(purpose + ": " + String.join(" ", command) + " exited " + process.exitValue()
                        + ": " + CheckRunner.oneLine(output));
            }
            return output.lines().toList();
        } finally {
            process.destroyForcibly();
        }
    }
}
