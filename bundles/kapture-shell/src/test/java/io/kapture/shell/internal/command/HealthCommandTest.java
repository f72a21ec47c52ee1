package io.kapture.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.health.HealthProblem;
import io.kapture.health.HealthReport;

class HealthCommandTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHealthyNodePrintsUpAndSucceeds() {
        assertDoesNotThrow(() -> HealthCommand.print(new HealthReport(1, 2, 2, List.of()), false, out));
        assertEquals("UP: 2 of 2 cameras running, every check passes", printed().trim());
    }

    @Test
    void anUnhealthyNodePrintsEachFailingCheckAndFails() {
        HealthReport report = new HealthReport(1, 2, 1, List.of(
                new HealthProblem(HealthProblem.CHECK_CAMERA_STATE, "cam0", "camera is FAILED: gone"),
                new HealthProblem(HealthProblem.CHECK_LISTENER_DROPS, "cam1/slow", "dropped 50 of 100 frames")));
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> HealthCommand.print(report, false, out));
        assertEquals("Kapture is unhealthy: 2 failing checks (camera-state cam0, listener-drops cam1/slow)",
                failure.getMessage());
        assertTrue(printed().startsWith("DOWN: 1 of 2 cameras running"), printed());
        assertTrue(printed().contains("camera is FAILED: gone"), printed());
        assertTrue(printed().contains("cam1/slow"), printed());
    }

    @Test
    void jsonIsWhatTheUrlServes() {
        HealthReport report = new HealthReport(1, 1, 0, List.of(
                new HealthProblem(HealthProblem.CHECK_CAMERA_STALLED, "cam0", "no frame")));
        assertThrows(IllegalStateException.class, () -> HealthCommand.print(report, true, out));
        assertEquals(report.toJson(), printed().trim());
    }
}
