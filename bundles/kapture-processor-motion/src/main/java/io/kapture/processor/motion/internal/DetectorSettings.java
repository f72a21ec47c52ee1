package io.kapture.processor.motion.internal;

import java.util.concurrent.TimeUnit;

/**
 * A motion detector's checked settings, built from its {@link Config}. Every invalid value is refused with a
 * message naming the configuration key, its valid range and what was given.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param camera          the watched camera
 * @param threshold       luma difference (0..255) from which a cell counts as changed
 * @param minAreaFraction share (0..1] of the region's cells that must change for a moving frame
 * @param region          the watched part of the frame
 * @param cellSize        side of a cell in pixels
 * @param adaptation256   weight of a new frame in the reference, in 1/256 (1..256)
 * @param quietNanos      capture time without motion that ends a motion period
 */
record DetectorSettings(String camera, int threshold, double minAreaFraction, RegionOfInterest region, int cellSize,
        int adaptation256, long quietNanos) {

    /** The factory PID, named in error messages. */
    static final String PID = "io.kapture.processor.motion";

    static DetectorSettings from(Config config) {
        String camera = config.camera() == null ? "" : config.camera().trim();
        if (camera.isEmpty()) {
            throw invalid("camera", "the name of a configured camera", config.camera());
        }
        int threshold = config.threshold();
        if (threshold < 1 || threshold > 255) {
            throw invalid("threshold", "from 1 to 255", threshold);
        }
        double minArea = config.min_area_percent();
        if (!(minArea >= 0.01 && minArea <= 100)) {
            throw invalid("min.area.percent", "from 0.01 to 100", minArea);
        }
        RegionOfInterest region;
        try {
            region = RegionOfInterest.parse(config.roi());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + " for camera " + camera + ": roi " + e.getMessage(), e);
        }
        int cellSize = config.cell_size();
        if (cellSize < 1 || cellSize > 64) {
            throw invalid("cell.size", "from 1 to 64 pixels", cellSize);
        }
        double adaptation = config.adaptation();
        if (!(adaptation >= 1.0 / 256 && adaptation <= 1)) {
            throw invalid("adaptation", "from 0.004 to 1", adaptation);
        }
        long quietMillis = config.quiet_ms();
        if (quietMillis < 0 || quietMillis > TimeUnit.HOURS.toMillis(1)) {
            throw invalid("quiet.ms", "from 0 to 3600000", quietMillis);
        }
        return new DetectorSettings(camera, threshold, minArea / 100, region, cellSize,
                (int) Math.max(1, Math.round(adaptation * 256)), TimeUnit.MILLISECONDS.toNanos(quietMillis));
    }

    private static IllegalArgumentException invalid(String key, String valid, Object given) {
        return new IllegalArgumentException(PID + ": " + key + " must be " + valid + ", was '" + given + "'");
    }
}
