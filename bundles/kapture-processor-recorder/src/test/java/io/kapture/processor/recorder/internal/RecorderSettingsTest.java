package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** Invalid configurations are refused by key with the valid values; valid ones convert exactly. */
class RecorderSettingsTest {

    @Test
    void theDefaultsConvert() {
        RecorderSettings settings = new TestConfig().settings();

        assertEquals(512_000_000L, settings.maxFileBytes());
        assertEquals(600_000_000_000L, settings.maxFileNanos());
        assertEquals(0.8f, settings.jpegQuality());
    }

    @Test
    void eachInvalidValueIsNamed() {
        refused(config -> config.camera = "", "camera must be the name of a configured camera");
        refused(config -> config.rotateSizeMb = 0, "rotate.size.mb must be from 1 to 2000");
        refused(config -> config.rotateSizeMb = 2001, "rotate.size.mb");
        refused(config -> config.rotateDurationSeconds = -1, "rotate.duration.seconds must be from 0 (no limit)");
        refused(config -> config.jpegQuality = -0.1, "jpeg.quality must be from 0.0 to 1.0");
    }

    private static void refused(Consumer<TestConfig> change, String expected) {
        TestConfig config = new TestConfig();
        change.accept(config);
        String message = assertThrows(IllegalArgumentException.class, config::settings).getMessage();
        assertTrue(message.contains(expected) && message.startsWith(RecorderSettings.PID), message);
    }
}
