package io.kapture.processor.recorder.internal;

import java.lang.annotation.Annotation;

/** A {@link Config} as SCR would make it, with the metatype defaults unless a test changes them. One thread. */
final class TestConfig {

    String camera = "cam0";
    String folder = "recordings";
    int rotateSizeMb = 512;
    int rotateDurationSeconds = 600;
    double jpegQuality = 0.8;

    RecorderSettings settings() {
        return RecorderSettings.from(config());
    }

    Config config() {
        return new Config() {
            @Override
            public String camera() {
                return camera;
            }

            @Override
            public String folder() {
                return folder;
            }

            @Override
            public int rotate_size_mb() {
                return rotateSizeMb;
            }

            @Override
            public int rotate_duration_seconds() {
                return rotateDurationSeconds;
            }

            @Override
            public double jpeg_quality() {
                return jpegQuality;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return Config.class;
            }
        };
    }
}
