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
 * @param eventMode     whether clips are recorded around triggers only (mode {@code event})
 * @param preNanos      event mode: capture time a clip begins before its trigger
 * @param postNanos     event mode: capture time a clip goes on after the last activity
 * @param prerollBytes  event mode: the pre-roll ring's bound
 */
record RecorderSettings(String camera, String folder, long maxFileBytes, long maxFileNanos, float jpegQuality,
        boolean eventMode, long preNanos, long postNanos, long prerollBytes) {

    /** A continuous recorder's settings. */
    RecorderSettings(String camera, String folder, long maxFileBytes, long maxFileNanos, float jpegQuality) {
        this(camera, folder, maxFileBytes, maxFileNanos, jpegQuality, false, 0, 0, 0);
    }

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
        String mode = config.mode() == null ? "" : config.mode().trim();
        if (!mode.equals("continuous") && !mode.equals("event")) {
            throw invalid("mode", "continuous or event", config.mode());
        }
        int pre = config.pre_seconds();
        if (pre < 0 || pre > 60) {
            throw invalid("pre.seconds", "from 0 to 60", pre);
        }
        int post = config.post_seconds();
        if (post < 0 || post > 3600) {
            throw invalid("post.seconds", "from 0 to 3600", post);
        }
        int prerollMegabytes = config.preroll_max_mb();
        if (prerollMegabytes < 1 || prerollMegabytes > 1024) {
            throw invalid("preroll.max.mb", "from 1 to 1024", prerollMegabytes);
        }
        long maxBytes = Math.min(AviWriter.MAX_FILE_BYTES, megabytes * 1_000_000L);
        return new RecorderSettings(camera, config.folder(), maxBytes, TimeUnit.SECONDS.toNanos(seconds),
                (float) quality, mode.equals("event"), TimeUnit.SECONDS.toNanos(pre), TimeUnit.SECONDS.toNanos(post),
                prerollMegabytes * 1_000_000L);
    }

    private static IllegalArgumentException invalid(String key, String valid, Object given) {
        return new IllegalArgumentException(PID + ": " + key + " must be " + valid + ", was '" + given + "'");
    }
}
