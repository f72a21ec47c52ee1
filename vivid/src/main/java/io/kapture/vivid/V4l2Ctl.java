package io.kapture.vivid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code v4l2-ctl} in the guest to read back, independently of Kapture, what Kapture set: the format, the
 * frame rate, a control. v4l2-ctl opens the node a second time, which V4L2 allows while another descriptor
 * owns the stream, so it sees the device's state, not Kapture's idea of it.
 *
 * <p>Stateless; thread-safe (each call is its own process).
 */
final class V4l2Ctl {

    private V4l2Ctl() {
    }

    /** v4l2-ctl's output lines for {@code arguments} on {@code device}; fails unless it exits 0. */
    static List<String> run(String device, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("v4l2-ctl", "-d", device));
        command.addAll(List.of(arguments));
        return Command.run(command, "v4l2-ctl");
    }

    /** The value after {@code key:} on the first line that has it ({@code Width/Height      : 640/480}). */
    static String field(List<String> lines, String key) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        throw new CheckFailure("v4l2-ctl printed no '" + key + "' line: " + CheckRunner.oneLine(String.join("; ", lines)));
    }
}
