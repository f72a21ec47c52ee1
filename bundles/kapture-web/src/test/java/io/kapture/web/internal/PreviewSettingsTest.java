package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** Invalid configurations are refused by key with the valid values; valid ones convert exactly. */
class PreviewSettingsTest {

    @Test
    void theDefaultsConvert() {
        PreviewSettings settings = new TestConfig().settings();

        assertEquals(100_000_000L, settings.minIntervalNanos());
        assertEquals(0.7f, settings.jpegQuality());
        assertEquals(8, settings.maxStreams());
        assertFalse(settings.allowRemote());
    }

    @Test
    void eachInvalidValueIsNamed() {
        refused(config -> config.maxFps = 0, "max.fps must be from 0.1 to 60");
        refused(config -> config.maxFps = Double.NaN, "max.fps");
        refused(config -> config.jpegQuality = 2, "jpeg.quality must be from 0.0 to 1.0");
        refused(config -> config.maxStreams = 0, "max.streams must be from 1 to 100");
    }

    private static void refused(Consumer<TestConfig> change, String expected) {
        TestConfig config = new TestConfig();
        change.accept(config);
        String message = assertThrows(IllegalArgumentException.class, config::settings).getMessage();
        assertTrue(message.contains(expected) && message.startsWith(PreviewSettings.PID), message);
    }
}
