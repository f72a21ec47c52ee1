package io.kapture.processor.motion.internal;

import java.lang.annotation.Annotation;

/**
 * A {@link Config} as SCR would make it from a configuration, with the metatype defaults unless a test changes
 * them. Mutable builder; one test thread.
 */
final class TestConfig {

    String camera = "cam0";
    int threshold = 20;
    double minAreaPercent = 0.5;
    String roi = "0,0,100,100";
    int cellSize = 8;
    double adaptation = 0.1;
    long quietMillis = 1000;

    TestConfig roi(String value) {
        roi = value;
        return this;
    }

    TestConfig adaptation(double value) {
        adaptation = value;
        return this;
    }

    DetectorSettings settings() {
        return DetectorSettings.from(config());
    }

    Config config() {
        return new Config() {
            @Override
            public String camera() {
                return camera;
            }

            @Override
            public int threshold() {
                return threshold;
            }

            @Override
            public double min_area_percent() {
                return minAreaPercent;
            }

            @Override
            public String roi() {
                return roi;
            }

            @Override
            public int cell_size() {
                return cellSize;
            }

            @Override
            public double adaptation() {
                return adaptation;
            }

            @Override
            public long quiet_ms() {
                return quietMillis;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return Config.class;
            }
        };
    }
}
