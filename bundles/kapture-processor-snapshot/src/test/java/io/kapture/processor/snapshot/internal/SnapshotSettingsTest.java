package io.kapture.processor.snapshot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.kapture.processor.snapshot.internal.SnapshotSettings.ImageFormat;

/** Invalid configurations are refused by key with the valid values; valid ones convert exactly. */
class SnapshotSettingsTest {

    @Test
    void theDefaultsConvert() {
        SnapshotSettings settings = new TestConfig().settings();

        assertEquals(60_000_000_000L, settings.intervalNanos());
        assertEquals(ImageFormat.JPEG, settings.format());
        assertEquals(0.85f, settings.jpegQuality());
        assertEquals(100, settings.retention());
    }

    @Test
    void formatNamesAreReadIgnoringCase() {
        assertEquals(ImageFormat.PNG, ImageFormat.parse(" PNG "));
        assertEquals(ImageFormat.JPEG, ImageFormat.parse("jpg"));
    }

    @Test
    void eachInvalidValueIsNamed() {
        refused(config -> config.camera = null, "camera must be the name of a configured camera");
        refused(config -> config.intervalSeconds = 0, "interval.seconds must be from 1 to 86400");
        refused(config -> config.intervalSeconds = 86_401, "interval.seconds");
        refused(config -> config.format = "gif", "format must be jpeg or png, was 'gif'");
        refused(config -> config.jpegQuality = 1.1, "jpeg.quality must be from 0.0 to 1.0");
        refused(config -> config.retention = -1, "retention must be 0 (keep all) or more");
    }

    private static void refused(Consumer<TestConfig> change, String expected) {
        TestConfig config = new TestConfig();
        change.accept(config);
        String message = assertThrows(IllegalArgumentException.class, config::settings).getMessage();
        assertTrue(message.contains(expected) && message.startsWith(SnapshotSettings.PID), message);
    }
}
