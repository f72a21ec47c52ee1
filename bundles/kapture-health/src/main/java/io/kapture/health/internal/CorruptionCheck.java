package io.kapture.health.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.SessionState;
import io.kapture.health.HealthProblem;

/**
 * Judges a running camera by the share of its captured frames that the driver flagged corrupted within the window
 * (a failing cable, USB bandwidth, a dying sensor show up so before the camera fails outright).
 *
 * <p>Threading contract: safe from any thread; the history lives in the synchronized {@link DropWindows}.
 */
final class CorruptionCheck {

    private final DropWindows windows;

    CorruptionCheck(DropWindows windows) {
        this.windows = windows;
    }

    Optional<HealthProblem> check(CaptureSession camera, CaptureStats stats, Tolerances tolerances, long nowNanos,
            Set<String> seen) {
        String key = "camera " + camera.camera();
        seen.add(key);
        DropWindows.Window window = windows.observe(key, nowNanos, tolerances.windowNanos(),
                stats.captured() - stats.corrupted(), stats.corrupted());
        if (camera.state() != SessionState.RUNNING || tolerances.maxCorruptRatio() >= 1
                || window.offered() < tolerances.minFrames() || window.ratio() <= tolerances.maxCorruptRatio()) {
            return Optional.empty();
        }
        return Optional.of(new HealthProblem(HealthProblem.CHECK_CAMERA_CORRUPT, camera.camera(), String.format(
                Locale.ROOT, "the driver flagged %d of %d frames (%.1f %%) corrupted within the %d s window, above"
                        + " the %.1f %% of max.corrupt.ratio", window.bad(), window.offered(), window.ratio() * 100,
                tolerances.windowNanos() / 1_000_000_000L, tolerances.maxCorruptRatio() * 100)));
    }
}
