package io.kapture.processor.snapshot.internal;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A scheduled snapshot's checked settings. Every invalid value is refused with a message naming the
 * configuration key, its valid values and what was given.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param camera        the camera
 * @param intervalNanos time between snapshots
 * @param folder        the folder as configured (checked against the storage root when used)
 * @param format        the image format
 * @param jpegQuality   0 to 1
 * @param retention     snapshots kept; 0 keeps all
 */
record SnapshotSettings(String camera, long intervalNanos, String folder, ImageFormat format, float jpegQuality,
        int retention) {

    /** The factory PID, named in error messages. */
    static final String PID = "io.kapture.processor.snapshot";

    static SnapshotSettings from(Config config) {
        String camera = config.camera() == null ? "" : config.camera().trim();
        if (camera.isEmpty()) {
            throw invalid("camera", "the name of a configured camera", config.camera());
        }
        int interval = config.interval_seconds();
        if (interval < 1 || interval > 86_400) {
            throw invalid("interval.seconds", "from 1 to 86400", interval);
        }
        ImageFormat format = ImageFormat.parse(config.format());
        if (format == null) {
            throw invalid("format", "jpeg or png", config.format());
        }
        double quality = config.jpeg_quality();
        if (!(quality >= 0 && quality <= 1)) {
            throw invalid("jpeg.quality", "from 0.0 to 1.0", quality);
        }
        if (config.retention() < 0) {
            throw invalid("retention", "0 (keep all) or more", config.retention());
        }
        return new SnapshotSettings(camera, TimeUnit.SECONDS.toNanos(interval), config.folder(), format,
                (float) quality, config.retention());
    }

    private static IllegalArgumentException invalid(String key, String valid, Object given) {
        return new IllegalArgumentException(PID + ": " + key + " must be " + valid + ", was '" + given + "'");
    }

    /** The image formats, with their file extensions. */
    enum ImageFormat {
        JPEG("jpg"), PNG("png");

        private final String extension;

        ImageFormat(String extension) {
            this.extension = extension;
        }

        String extension() {
            return extension;
        }

        /** The format named {@code jpeg}, {@code jpg} or {@code png}, ignoring case; null for anything else. */
        static ImageFormat parse(String name) {
            String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            return switch (wanted) {
                case "jpeg", "jpg" -> JPEG;
                case "png" -> PNG;
                default -> null;
            };
        }
    }
}
