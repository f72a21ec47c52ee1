package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No frame is lost right after the first ones of a stream in a JVM that has captured nothing yet (a camera's first
 * start after boot): {@link StartGapRun} in a JVM of its own, the simulated driver filling {@value #BUFFERS} buffers
 * at {@value #FPS} fps (40 ms of slack), twice per strategy. The simulated driver loses a frame only when Kapture
 * has no buffer queued. A loss at positions {@value #BUFFERS} to 2 x {@value #BUFFERS} - 1 is the cold start's
 * signature: the first frames' path (thread starts, class loading, interpreted code) held every buffer while the
 * driver filled the rest. Before the engine started its threads and rehearsed the delivery path ahead of STREAMON,
 * 3 of 12 runs lost frames there at this rate (copy delivery 2 of 4), and 5 of 12 at 200 fps; after it, none in
 * 18 runs at 100 fps and 1 in 12 at 200 fps (load average 8-15 on 2 cores), so six runs let a cold path through
 * about once in five. Losses later in the stream are the loaded machine's (a 40 ms stall of the capture thread, a
 * collection) and are only reported.
 *
 * <p>Runs on the test thread, waiting for each child JVM.
 */
class StartGapTest {

    private static final int FPS = 100;
    private static final int WATCHED = 40;
    private static final int BUFFERS = 4;

    @ParameterizedTest
    @ValueSource(strings = {"copy", "pool", "zerocopy"})
    void theFirstFramesOfAFreshJvmLoseNothing(String strategy) throws IOException, InterruptedException {
        for (int run = 1; run <= 2; run++) {
            String line = runFreshJvm(strategy);
            assertTrue(line.startsWith("losses="), "StartGapRun printed no result: " + line);
            assertTrue(!line.contains("incomplete"), "not all " + WATCHED + " frames arrived: " + line);
            String losses = line.substring("losses=".length(), line.indexOf(' '));
            for (String position : losses.isEmpty() ? new String[0] : losses.split(",")) {
                int lost = Integer.parseInt(position);
                assertTrue(lost < BUFFERS || lost >= 2 * BUFFERS, "run " + run + " of " + strategy + ": frame "
                        + lost + " lost right after the first " + BUFFERS + " (the driver found no buffer queued): "
                        + line);
            }
            System.out.println("StartGapTest " + strategy + " run " + run + ": " + line);
        }
    }

    private static String runFreshJvm(String strategy) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                StartGapRun.class.getName(), strategy, Integer.toString(FPS), Integer.toString(WATCHED)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("StartGapRun did not end within 60 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        String[] lines = text.strip().split("\n");
        assertEquals(0, process.exitValue(), "StartGapRun failed:\n" + text);
        return lines[lines.length - 1];
    }
}
