package io.kapture.processor.snapshot.internal;

import java.lang.annotation.Annotation;

/** A {@link Config} as SCR would make it, with the metatype defaults unless a test changes them. One thread. */
final class TestConfig {

    String camera = "cam0";
    int intervalSeconds = 60;
    String folder = "snapshots";
    String format = "jpeg";
    double jpegQuality = 0.85;
    int retention = 100;

    SnapshotSettings settings() {
        return SnapshotSettings.from(config());
    }

    Config config() {
        return new Config() {
            @Override
            public String camera() {
                return camera;
            }

            @Override
            public int interval_seconds() {
                return intervalSeconds;
            }

            @Override
            public String folder() {
                return folder;
            }

            @Override
            public String format() {
                return format;
            }

            @Override
            public double jpeg_quality() {
                return jpegQuality;
            }

            @Override
            public int retention() {
                return retention;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return Config.class;
            }
        };
    }
}
