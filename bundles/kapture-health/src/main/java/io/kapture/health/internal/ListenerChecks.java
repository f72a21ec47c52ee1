package io.kapture.health.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kapture.api.CaptureStats;
import io.kapture.api.DropCause;
import io.kapture.api.ListenerStats;
import io.kapture.health.HealthProblem;

/**
 * Judges each listener of a camera by the share of the frames offered to it that it lost within the drop window.
 * Frames discarded at a stop ({@link DropCause#STOPPED}) are the normal end of a subscription and do not count.
 * Listeners of the same name and bundle on one camera (two browsers previewing it) are told apart by their order.
 *
 * <p>Threading contract: safe from any thread; the history lives in the synchronized {@link DropWindows}.
 */
final class ListenerChecks {

    private final DropWindows windows;

    ListenerChecks(DropWindows windows) {
        this.windows = windows;
    }

    List<HealthProblem> check(String camera, CaptureStats stats, Tolerances tolerances, long nowNanos,
            Set<String> seen) {
        List<HealthProblem> problems = new ArrayList<>();
        for (ListenerStats listener : stats.listeners()) {
            String subject = camera + "/" + listener.name();
            String key = subject + "@" + listener.bundle();
            for (int n = 2; !seen.add(key); n++) {
                key = subject + "@" + listener.bundle() + "#" + n;
            }
            long counted = listener.dropped() - listener.dropped(DropCause.STOPPED);
            DropWindows.Window window = windows.observe(key, nowNanos, tolerances.windowNanos(),
                    listener.delivered(), counted);
            if (tolerances.maxDropRatio() < 1 && window.offered() >= tolerances.minFrames()
                    && window.ratio() > tolerances.maxDropRatio()) {
                problems.add(new HealthProblem(HealthProblem.CHECK_LISTENER_DROPS, subject, String.format(
                        Locale.ROOT, "listener of bundle %s dropped %d of %d frames (%.1f %%) within the %d s window,"
                                + " above the %.1f %% of max.drop.ratio; its drops so far: %s",
                        listener.bundle(), window.bad(), window.offered(), window.ratio() * 100,
                        tolerances.windowNanos() / 1_000_000_000L, tolerances.maxDropRatio() * 100,
                        listener.droppedWithCauses())));
            }
        }
        return problems;
    }
}
