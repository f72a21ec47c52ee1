package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.kapture.testing.ComponentConfig;

/** Invalid configurations are refused by key with the valid values; valid ones convert exactly. */
class PreviewSettingsTest {

    private static final ComponentConfig<Config> DEFAULTS = ComponentConfig.of(Config.class);

    @Test
    void theDefaultsConvert() {
        PreviewSettings settings = DEFAULTS.as(PreviewSettings::from);

        assertEquals(100_000_000L, settings.minIntervalNanos());
        assertEquals(0.7f, settings.jpegQuality());
        assertEquals(8, settings.maxStreams());
        assertFalse(settings.allowRemote());
    }

    @Test
    void eachInvalidValueIsNamed() {
        refused(DEFAULTS.with("max.fps", 0.0), "max.fps must be from 0.1 to 60");
        refused(DEFAULTS.with("max.fps", Double.NaN), "max.fps");
        refused(DEFAULTS.with("jpeg.quality", 2.0), "jpeg.quality must be from 0.0 to 1.0");
        refused(DEFAULTS.with("max.streams", 0), "max.streams must be from 1 to 100");
    }

    private static void refused(ComponentConfig<Config> config, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> config.as(PreviewSettings::from))
                .getMessage();
        assertTrue(message.contains(expected) && message.startsWith(PreviewSettings.PID), message);
    }
}
