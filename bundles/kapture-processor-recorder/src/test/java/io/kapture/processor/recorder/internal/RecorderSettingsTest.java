package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.kapture.testing.ComponentConfig;

/** Invalid configurations are refused by key with the valid values; valid ones convert exactly. */
class RecorderSettingsTest {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    @Test
    void theDefaultsConvert() {
        RecorderSettings settings = CAM0.as(RecorderSettings::from);

        assertEquals(512_000_000L, settings.maxFileBytes());
        assertEquals(600_000_000_000L, settings.maxFileNanos());
        assertEquals(0.8f, settings.jpegQuality());
    }

    @Test
    void eachInvalidValueIsNamed() {
        refused(CAM0.with("camera", ""), "camera must be the name of a configured camera");
        refused(CAM0.with("rotate.size.mb", 0), "rotate.size.mb must be from 1 to 2000");
        refused(CAM0.with("rotate.size.mb", 2001), "rotate.size.mb");
        refused(CAM0.with("rotate.duration.seconds", -1), "rotate.duration.seconds must be from 0 (no limit)");
        refused(CAM0.with("jpeg.quality", -0.1), "jpeg.quality must be from 0.0 to 1.0");
    }

    private static void refused(ComponentConfig<Config> config, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> config.as(RecorderSettings::from))
                .getMessage();
        assertTrue(message.contains(expected) && message.startsWith(RecorderSettings.PID), message);
    }
}
