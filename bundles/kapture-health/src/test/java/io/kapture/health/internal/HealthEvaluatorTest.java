package io.kapture.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.testing.StubCamera;

import io.kapture.api.CaptureStats;
import io.kapture.api.DropCause;
import io.kapture.api.DropPolicy;
import io.kapture.api.ListenerStats;
import io.kapture.api.SessionState;
import io.kapture.health.HealthProblem;
import io.kapture.health.HealthReport;

class HealthEvaluatorTest {

    @TempDir
    Path storage;

    private final StubCamera camera = new StubCamera("cam0");

    private HealthEvaluator evaluator(Tolerances tolerances) {
        HealthEvaluator evaluator = new HealthEvaluator(new StorageCheck(storage));
        evaluator.tolerances(tolerances);
        evaluator.addCamera(camera);
        return evaluator;
    }

    private static Tolerances tolerances(double storageMinFreePercent) {
        return new Tolerances(5000, 0.5, 0.1, 0.05, 60_000_000_000L, 30, storageMinFreePercent);
    }

    private static CaptureStats stats(long startedAgoMillis, double fps, List<ListenerStats> listeners) {
        return stats(startedAgoMillis, fps, 0, listeners);
    }

    private static CaptureStats stats(long startedAgoMillis, double fps, long corrupted,
            List<ListenerStats> listeners) {
        return new CaptureStats(System.currentTimeMillis() - startedAgoMillis, 0, 1000, 0, corrupted, 0, 0, fps, 3,
                4, listeners, Optional.empty());
    }

    private static ListenerStats listener(String name, long delivered, Map<DropCause, Long> drops) {
        long dropped = drops.values().stream().mapToLong(Long::longValue).sum();
        return new ListenerStats(name, "io.kapture.test", "(kapture.camera=*)", DropPolicy.DROP_OLDEST, 8, 0,
                delivered, dropped, 0, 1000, 2000, 3000, drops);
    }

    private static HealthProblem only(HealthReport report) {
        assertEquals(1, report.problems().size(), report.toJson());
        return report.problems().get(0);
    }

    @Test
    void aRunningCameraAtItsRateIsHealthy() {
        camera.stats = stats(60_000, 29.8, List.of(listener("stats", 1000, Map.of())));
        HealthReport report = evaluator(tolerances(0)).evaluate();
        assertTrue(report.healthy(), report.toJson());
        assertEquals(1, report.running());
        assertTrue(report.toJson().startsWith("{\"status\":\"UP\""), report.toJson());
    }

    @Test
    void aFailedCameraFailsWithItsError() {
        camera.state = SessionState.FAILED;
        camera.lastError = "device \"cam0\" is gone";
        camera.stats = stats(60_000, 0, List.of());
        HealthReport report = evaluator(tolerances(0)).evaluate();
        HealthProblem problem = only(report);
        assertEquals(HealthProblem.CHECK_CAMERA_STATE, problem.check());
        assertEquals("cam0", problem.subject());
        assertEquals("camera is FAILED: device \"cam0\" is gone", problem.reason());
        assertTrue(report.toJson().contains("\"reason\":\"camera is FAILED: device \\\"cam0\\\" is gone\""),
                report.toJson());
    }

    @Test
    void stoppedAndDisabledCamerasAreNotExpectedToRun() {
        camera.stats = stats(0, 0, List.of());
        camera.state = SessionState.STOPPED;
        assertTrue(evaluator(tolerances(0)).evaluate().healthy());
        camera.state = SessionState.CONFIGURED;
        assertTrue(evaluator(tolerances(0)).evaluate().healthy());
        camera.state = SessionState.WAITING;
        assertFalse(evaluator(tolerances(0)).evaluate().healthy());
    }

    @Test
    void aCameraWithoutFramesPastTheGraceIsStalledButNotWithinIt() {
        camera.stats = stats(1000, 0, List.of());
        assertTrue(evaluator(tolerances(0)).evaluate().healthy(), "within the start-up grace");
        camera.stats = stats(10_000, 0, List.of());
        assertEquals(HealthProblem.CHECK_CAMERA_STALLED, only(evaluator(tolerances(0)).evaluate()).check());
    }

    @Test
    void aCameraFarBelowItsConfiguredRateFails() {
        camera.stats = stats(10_000, 14.9, List.of());
        HealthProblem problem = only(evaluator(tolerances(0)).evaluate());
        assertEquals(HealthProblem.CHECK_CAMERA_FPS, problem.check());
        assertTrue(problem.reason().contains("14.9 fps, below 15.0"), problem.reason());
        camera.stats = stats(10_000, 15.1, List.of());
        assertTrue(evaluator(tolerances(0)).evaluate().healthy());
        camera.configuredFps = 0;
        camera.stats = stats(10_000, 1, List.of());
        assertTrue(evaluator(tolerances(0)).evaluate().healthy(), "fps = 0 means as fast as the device can");
    }

    @Test
    void aListenerDroppingMoreThanTheRatioFailsButDropsAtStopDoNotCount() {
        camera.stats = stats(60_000, 30, List.of(listener("slow", 800, Map.of(DropCause.QUEUE_FULL, 200L)),
                listener("stopped", 100, Map.of(DropCause.STOPPED, 900L))));
        HealthProblem problem = only(evaluator(tolerances(0)).evaluate());
        assertEquals(HealthProblem.CHECK_LISTENER_DROPS, problem.check());
        assertEquals("cam0/slow", problem.subject());
        assertTrue(problem.reason().contains("dropped 200 of 1000 frames (20.0 %)"), problem.reason());
    }

    @Test
    void aCameraWithManyCorruptedFramesFails() {
        camera.stats = stats(60_000, 30, 50, List.of());
        assertTrue(evaluator(tolerances(0)).evaluate().healthy(), "5 % corrupted is within max.corrupt.ratio");
        camera.stats = stats(60_000, 30, 51, List.of());
        HealthProblem problem = only(evaluator(tolerances(0)).evaluate());
        assertEquals(HealthProblem.CHECK_CAMERA_CORRUPT, problem.check());
        assertTrue(problem.reason().contains("flagged 51 of 1000 frames (5.1 %) corrupted"), problem.reason());
    }

    @Test
    void storageBelowTheFreeShareFails() {
        camera.stats = stats(60_000, 30, List.of());
        assertTrue(evaluator(tolerances(0)).evaluate().healthy(), "0 turns the check off");
        HealthProblem problem = only(evaluator(tolerances(100)).evaluate());
        assertEquals(HealthProblem.CHECK_STORAGE, problem.check());
        assertEquals(storage.toString(), problem.subject());
    }

    @Test
    void figuresThatCannotBeReadFailTheCameraOnly() {
        StubCamera broken = new StubCamera("broken") {
            @Override
            public CaptureStats stats() {
                throw new IllegalStateException("engine gone");
            }
        };
        camera.stats = stats(60_000, 30, List.of());
        HealthEvaluator evaluator = evaluator(tolerances(0));
        evaluator.addCamera(broken);
        HealthReport report = evaluator.evaluate();
        assertEquals("broken", only(report).subject());
        assertEquals(2, report.cameras());
    }
}
