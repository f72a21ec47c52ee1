package io.kapture.processor.recorder.internal;

import java.util.concurrent.TimeUnit;

import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Profile;

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
 * @param h264          null for MJPEG in AVI files (format {@code mjpeg}); for H.264 in fragmented MP4 files
 *                      (format {@code h264}), what the encoder is asked for
 */
record RecorderSettings(String camera, String folder, long maxFileBytes, long maxFileNanos, float jpegQuality,
        boolean eventMode, long preNanos, long postNanos, long prerollBytes, EncoderSettings h264) {

    /** Whether files are H.264 in MP4 rather than MJPEG in AVI. */
    boolean isH264() {
        return h264 != null;
    }

    /** The files' extension, without the dot. */
    String extension() {
        return isH264() ? "mp4" : "avi";
    }

    /** For the log: how and where the camera is recorded, e.g. {@code as MJPEG in AVI to /data/rec, ...}. */
    String describe(java.nio.file.Path folder) {
        return "as " + (isH264() ? "H.264 in MP4 (" + h264.bitrate() / 1000 + " kbit/s, a keyframe every "
                + h264.keyframeInterval() + " frames, " + h264.profile().name().toLowerCase(java.util.Locale.ROOT)
                + ", at the rate frames come)" : "MJPEG in AVI") + " to " + folder
                + (eventMode ? " in clips around events, " + TimeUnit.NANOSECONDS.toSeconds(preNanos)
                        + " s before to " + TimeUnit.NANOSECONDS.toSeconds(postNanos) + " s after" : "")
                + ", a new file every " + maxFileBytes / 1_000_000 + " MB"
                + (maxFileNanos == 0 ? "" : " or " + TimeUnit.NANOSECONDS.toSeconds(maxFileNanos) + " s");
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
                prerollMegabytes * 1_000_000L, h264(config));
    }

    /** The H.264 settings of format {@code h264}, null for {@code mjpeg}. */
    private static EncoderSettings h264(Config config) {
        String format = config.format() == null ? "" : config.format().trim();
        if (format.equals("mjpeg")) {
            return null;
        }
        if (!format.equals("h264")) {
            throw invalid("format", "mjpeg (MJPEG in AVI files) or h264 (H.264 in MP4 files)", config.format());
        }
        int kilobits = config.h264_bitrate_kbps();
        if (kilobits < 10 || kilobits > 100_000) {
            throw invalid("h264.bitrate.kbps", "from 10 to 100000", kilobits);
        }
        int interval = config.h264_keyframe_interval();
        if (interval < 1 || interval > 3600) {
            throw invalid("h264.keyframe.interval", "from 1 to 3600 frames", interval);
        }
        H264Profile profile;
        try {
            profile = H264Profile.parse(config.h264_profile());
        } catch (IllegalArgumentException e) {
            throw invalid("h264.profile", "baseline, main or high", config.h264_profile());
        }
        return new EncoderSettings(kilobits * 1000, interval, profile, EncoderSettings.DEFAULT.frameRate());
    }

    private static IllegalArgumentException invalid(String key, String valid, Object given) {
        return new IllegalArgumentException(PID + ": " + key + " must be " + valid + ", was '" + given + "'");
    }
}
