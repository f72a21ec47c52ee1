package io.kapture.web.internal;

/**
 * The preview's checked settings. Every invalid value is refused with a message naming the configuration key,
 * its valid values and what was given.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param minIntervalNanos time between two frames sent to one browser at least
 * @param maxFps           the same as a rate, for the page
 * @param jpegQuality      0 to 1
 * @param maxStreams       streams open at the same time at most
 * @param allowRemote      whether requests from other machines are answered
 */
record PreviewSettings(long minIntervalNanos, double maxFps, float jpegQuality, int maxStreams,
        boolean allowRemote) {

    /** The configuration PID, named in error messages. */
    static final String PID = "io.kapture.web";

    static PreviewSettings from(Config config) {
        double fps = config.max_fps();
        if (!(fps >= 0.1 && fps <= 60)) {
            throw invalid("max.fps", "from 0.1 to 60", fps);
        }
        double quality = config.jpeg_quality();
        if (!(quality >= 0 && quality <= 1)) {
            throw invalid("jpeg.quality", "from 0.0 to 1.0", quality);
        }
        int streams = config.max_streams();
        if (streams < 1 || streams > 100) {
            throw invalid("max.streams", "from 1 to 100", streams);
        }
        return new PreviewSettings(Math.round(1e9 / fps), fps, (float) quality, streams, config.allow_remote());
    }

    private static IllegalArgumentException invalid(String key, String valid, Object given) {
        return new IllegalArgumentException(PID + ": " + key + " must be " + valid + ", was '" + given + "'");
    }
}
