package io.kapture.health.internal;

import java.util.concurrent.TimeUnit;

/**
 * The checked configuration of the health checks.
 *
 * <p>Immutable; safe from any thread.
 */
record Tolerances(long startupGraceMillis, double minFpsRatio, double maxDropRatio, double maxCorruptRatio,
        long windowNanos, long minFrames, double storageMinFreePercent) {

    static final Tolerances DEFAULTS = new Tolerances(5000, 0.5, 0.1, 0.05, TimeUnit.SECONDS.toNanos(60), 30, 5);

    Tolerances {
        check(startupGraceMillis >= 0, "startup.grace.ms", startupGraceMillis, "0 or more");
        check(minFpsRatio >= 0 && minFpsRatio <= 1, "min.fps.ratio", minFpsRatio, "0 to 1");
        check(maxDropRatio >= 0 && maxDropRatio <= 1, "max.drop.ratio", maxDropRatio, "0 to 1");
        check(maxCorruptRatio >= 0 && maxCorruptRatio <= 1, "max.corrupt.ratio", maxCorruptRatio, "0 to 1");
        check(windowNanos >= TimeUnit.SECONDS.toNanos(1), "window.ms",
                TimeUnit.NANOSECONDS.toMillis(windowNanos), "1000 or more");
        check(minFrames >= 1, "min.frames", minFrames, "1 or more");
        check(storageMinFreePercent >= 0 && storageMinFreePercent <= 100, "storage.min.free.percent",
                storageMinFreePercent, "0 to 100");
    }

    static Tolerances from(Config config) {
        return new Tolerances(config.startup_grace_ms(), config.min_fps_ratio(), config.max_drop_ratio(),
                config.max_corrupt_ratio(), TimeUnit.MILLISECONDS.toNanos(config.window_ms()), config.min_frames(),
                config.storage_min_free_percent());
    }

    private static void check(boolean valid, String key, Object value, String range) {
        if (!valid) {
            throw new IllegalArgumentException("configuration io.kapture.health: " + key + " = " + value
                    + " is out of range; use " + range);
        }
    }
}
