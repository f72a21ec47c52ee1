package io.kapture.health.internal;

import java.util.List;
import java.util.Locale;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.SessionState;
import io.kapture.health.HealthProblem;

/**
 * The checks of one camera: should it run, does it, and at what rate. A camera that is configured but not
 * started ({@code enabled = false}) or stopped on purpose ({@code kapture:stop}) is not expected to run and passes;
 * one that failed, waits for a missing provider or strategy, or is between states fails.
 *
 * <p>Stateless; safe from any thread.
 */
final class CameraChecks {

    private CameraChecks() {
    }

    /** Whether the camera is meant to be capturing, judged from its state. */
    static boolean expectedToRun(SessionState state) {
        return state != SessionState.CONFIGURED && state != SessionState.STOPPED;
    }

    /** The camera's failing checks: none, or one naming the most basic thing wrong. */
    static List<HealthProblem> check(CaptureSession camera, CaptureStats stats, Tolerances tolerances,
            long nowMillis) {
        String name = camera.camera();
        SessionState state = camera.state();
        if (!expectedToRun(state)) {
            return List.of();
        }
        if (state != SessionState.RUNNING) {
            return List.of(new HealthProblem(HealthProblem.CHECK_CAMERA_STATE, name, "camera is " + state
                    + camera.lastError().map(error -> ": " + error).orElse(" and not running")));
        }
        long runningMillis = nowMillis - stats.startedAtMillis();
        if (stats.startedAtMillis() == 0 || runningMillis < tolerances.startupGraceMillis()) {
            return List.of();
        }
        if (stats.fps() == 0) {
            return List.of(new HealthProblem(HealthProblem.CHECK_CAMERA_STALLED, name, "camera is RUNNING but"
                    + " delivered no frame in the last 2 s (" + stats.captured() + " frames since its start "
                    + runningMillis / 1000 + " s ago)"));
        }
        double configured = camera.configuredFps();
        double lowest = configured * tolerances.minFpsRatio();
        if (configured > 0 && stats.fps() < lowest) {
            return List.of(new HealthProblem(HealthProblem.CHECK_CAMERA_FPS, name, String.format(Locale.ROOT,
                    "camera delivers %.1f fps, below %.1f (%.0f %% of the configured %.1f fps, min.fps.ratio)",
                    stats.fps(), lowest, tolerances.minFpsRatio() * 100, configured)));
        }
        return List.of();
    }
}
