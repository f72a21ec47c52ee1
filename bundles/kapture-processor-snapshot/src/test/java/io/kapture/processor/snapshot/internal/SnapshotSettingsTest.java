package io.kapture.processor.snapshot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.kapture.processor.snapshot.internal.SnapshotSettings.ImageFormat;
import io.kapture.testing.ComponentConfig;

/** Invalid configurations are refused by key with the valid values; valid ones convert exactly. */
class SnapshotSettingsTest {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    @Test
    void theDefaultsConvert() {
        SnapshotSettings settings = CAM0.as(SnapshotSettings::from);

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
        refused(CAM0.with("camera", null), "camera must be the name of a configured camera");
        refused(CAM0.with("interval.seconds", 0), "interval.seconds must be from 1 to 86400");
        refused(CAM0.with("interval.seconds", 86_401), "interval.seconds");
        refused(CAM0.with("format", "gif"), "format must be jpeg or png, was 'gif'");
        refused(CAM0.with("jpeg.quality", 1.1), "jpeg.quality must be from 0.0 to 1.0");
        refused(CAM0.with("retention", -1), "retention must be 0 (keep all) or more");
    }

    private static void refused(ComponentConfig<Config> config, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> config.as(SnapshotSettings::from))
                .getMessage();
        assertTrue(message.contains(expected) && message.startsWith(SnapshotSettings.PID), message);
    }
}
