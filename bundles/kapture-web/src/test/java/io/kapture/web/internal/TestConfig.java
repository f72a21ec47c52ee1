package io.kapture.web.internal;

import java.lang.annotation.Annotation;

/** A {@link Config} as SCR would make it, with the metatype defaults unless a test changes them. One thread. */
final class TestConfig {

    double maxFps = 10;
    double jpegQuality = 0.7;
    int maxStreams = 8;
    boolean allowRemote;

    PreviewSettings settings() {
        return PreviewSettings.from(config());
    }

    Config config() {
        return new Config() {
            @Override
            public double max_fps() {
                return maxFps;
            }

            @Override
            public double jpeg_quality() {
                return jpegQuality;
            }

            @Override
            public int max_streams() {
                return maxStreams;
            }

            @Override
            public boolean allow_remote() {
                return allowRemote;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return Config.class;
            }
        };
    }
}
