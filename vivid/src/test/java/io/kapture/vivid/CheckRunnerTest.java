package io.kapture.vivid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CheckRunnerTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream traces = new ByteArrayOutputStream();
    private final CheckRunner runner = new CheckRunner(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            new PrintStream(traces, true, StandardCharsets.UTF_8));

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void reportsPlanPassAndFailInTheMarkerFormat() {
        runner.plan(List.of("one", "two", "three"));
        assertTrue(runner.run("one", () -> "saw\n two things"));
        assertFalse(runner.run("two", () -> {
            throw new CheckFailure("expected 60 frames, got 12");
        }));
        assertFalse(runner.run("three", () -> {
            throw new IllegalStateException("stream stopped");
        }));

        List<String> lines = lines();
        assertEquals("@@KAPTURE PLAN one two three", lines.get(0));
        assertTrue(lines.get(1).matches("@@KAPTURE CHECK one PASS \\d+\\.\\d\\d saw two things"), lines.get(1));
        assertTrue(lines.get(2).matches("@@KAPTURE CHECK two FAIL \\d+\\.\\d\\d expected 60 frames, got 12"),
                lines.get(2));
        assertTrue(lines.get(3).endsWith(" IllegalStateException: stream stopped"), lines.get(3));
        assertTrue(traces.toString(StandardCharsets.UTF_8).contains("check three failed:"));
        assertEquals(1, runner.passed());
        assertEquals(2, runner.failed());
    }

    @Test
    void anEmptyMessageStillMakesAWholeLine() {
        runner.run("quiet", () -> "");
        runner.skipBecause("later", "discovery failed");

        assertTrue(lines().get(0).endsWith(" ok"), lines().get(0));
        assertTrue(lines().get(1).matches("@@KAPTURE CHECK later FAIL \\d+\\.\\d\\d not run: discovery failed"),
                lines().get(1));
    }
}
