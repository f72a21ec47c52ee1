package io.kapture.processor.recorder.internal;

import java.util.concurrent.TimeUnit;

/**
 * A recorder's checked settings. Every invalid value is refused with a message naming the configuration key,
 * its valid values and what was given.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param camera        the recorded camera
 * @param folder        the folder as configured (checked against the storage root when used)
 * @param maxFileBytes  a file never grows beyond this
 * @param maxFileNanos  capture time a file spans at most; 0 for no limit
 * @param jpegQuality   quality of encoded frames, 0 to 1
 */
record RecorderSettings(String camera, String folder, long maxFileBytes, long maxFileNanos, float jpegQuality) {

    /** The factory PID, named in error messages. */
    static final String PID = "io.kapture.processor.recorder";

    static RecorderSettings from(Config config) {
        String camera = config.camera() == null ? "" : config.camera().trim();
        if (camera.isEmpty()) {
            throw invalid("camera", "the name of a configured camera", config.camera());
        }
        int megabytes = config.rotate_size_mb();
        if (megabytes < 1 || megabytes > 2000) {
            throw invalid("rotate.size.mb", "from 1 to 2000", megabytes);
        }
        int seconds = config.rotate_duration_seconds();
        if (seconds < 0 || seconds > 86_400) {
            throw invalid("rotate.duration.seconds", "from 0 (no limit) to 86400", seconds);
        }
        double quality = config.jpeg_quality();
        if (!(quality >= 0 && quality <= 1)) {
            throw invalid("jpeg.quality", "from 0.0 to 1.0", quality);
        }
        long maxBytes = Math.min(AviWriter.MAX_FILE_BYTES, megabytes * 1_000_000L);
        return new RecorderSettings(camera, config.folder(), maxBytes, TimeUnit.SECONDS.toNanos(seconds),
                (float) quality);
    }

    private static IllegalArgumentException invalid(String key, String valid, Object given) {
        return new IllegalArgumentException(PID + ": " + key + " must be " + valid + ", was '" + given + "'");
    }
}
