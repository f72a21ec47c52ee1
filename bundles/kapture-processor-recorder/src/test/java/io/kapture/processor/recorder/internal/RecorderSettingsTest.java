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
        refused(CAM0.with("mode", "sometimes"), "mode must be continuous or event, was 'sometimes'");
        refused(CAM0.with("pre.seconds", 61), "pre.seconds must be from 0 to 60");
        refused(CAM0.with("post.seconds", -1), "post.seconds must be from 0 to 3600");
        refused(CAM0.with("preroll.max.mb", 0), "preroll.max.mb must be from 1 to 1024");
    }

    @Test
    void eventModeConverts() {
        RecorderSettings settings = CAM0.with("mode", "event").with("pre.seconds", 3).with("post.seconds", 20)
                .with("preroll.max.mb", 8).as(RecorderSettings::from);

        assertTrue(settings.eventMode());
        assertEquals(3_000_000_000L, settings.preNanos());
        assertEquals(20_000_000_000L, settings.postNanos());
        assertEquals(8_000_000L, settings.prerollBytes());
        assertTrue(!CAM0.as(RecorderSettings::from).eventMode(), "continuous by default");
    }

    @Test
    void retentionLimitsAreCheckedAndDescribed() {
        ComponentConfig<RetentionConfig> none = ComponentConfig.of(RetentionConfig.class);
        RetentionSettings all = none.with("max.size.mb", 2000L).with("max.disk.percent", 90).with("max.age.days", 14)
                .as(RetentionSettings::from);

        assertEquals("none", none.as(RetentionSettings::from).describe());
        assertTrue(!none.as(RetentionSettings::from).enforcesAny());
        assertEquals("size 2000 MB, disk 90 %, age 14 days", all.describe());
        assertEquals(2_000_000_000L, all.maxBytes());
        String message = assertThrows(IllegalArgumentException.class,
                () -> none.with("max.disk.percent", 100).as(RetentionSettings::from)).getMessage();
        assertEquals("io.kapture.storage.retention: max.disk.percent must be from 0 (no limit) to 99, was '100'",
                message);
        assertThrows(IllegalArgumentException.class,
                () -> none.with("interval.seconds", 0).as(RetentionSettings::from));
    }

    private static void refused(ComponentConfig<Config> config, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> config.as(RecorderSettings::from))
                .getMessage();
        assertTrue(message.contains(expected) && message.startsWith(RecorderSettings.PID), message);
    }
}
