package io.kapture.processor.motion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.kapture.processor.motion.internal.RegionOfInterest.PixelRegion;
import io.kapture.testing.ComponentConfig;

/** Invalid configurations are refused by key, with the valid range; valid ones are converted exactly. */
class DetectorSettingsTest {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    @Test
    void theDefaultsConvert() {
        DetectorSettings settings = CAM0.as(DetectorSettings::from);

        assertEquals("cam0", settings.camera());
        assertEquals(0.005, settings.minAreaFraction(), 1e-12);
        assertEquals(26, settings.adaptation256());
        assertEquals(1_000_000_000L, settings.quietNanos());
        assertEquals(RegionOfInterest.WHOLE_FRAME, settings.region());
    }

    @Test
    void eachInvalidValueIsNamed() {
        refused(CAM0.with("camera", " "), "camera");
        refused(CAM0.with("threshold", 0), "threshold must be from 1 to 255");
        refused(CAM0.with("threshold", 256), "threshold");
        refused(CAM0.with("min.area.percent", 0.0), "min.area.percent must be from 0.01 to 100");
        refused(CAM0.with("min.area.percent", Double.NaN), "min.area.percent");
        refused(CAM0.with("cell.size", 65), "cell.size must be from 1 to 64");
        refused(CAM0.with("adaptation", 0.0), "adaptation must be from 0.004 to 1");
        refused(CAM0.with("adaptation", 1.5), "adaptation");
        refused(CAM0.with("quiet.ms", -1L), "quiet.ms");
        refused(CAM0.with("roi", "0,0,100"), "roi must be 'x,y,width,height'");
        refused(CAM0.with("roi", "0,0,abc,100"), "'abc' in '0,0,abc,100' is not a number");
        refused(CAM0.with("roi", "50,0,60,100"), "roi must lie within the frame");
        refused(CAM0.with("roi", "0,0,0,100"), "roi must lie within the frame");
    }

    @Test
    void theRegionMapsOntoEveryFrameSize() {
        RegionOfInterest lowerRightQuarter = RegionOfInterest.parse(" 50, 50 ,50,50");

        assertEquals(new PixelRegion(320, 240, 320, 240), lowerRightQuarter.inPixels(640, 480));
        assertEquals(new PixelRegion(960, 540, 960, 540), lowerRightQuarter.inPixels(1920, 1080));
        assertEquals(new PixelRegion(0, 0, 1, 1), RegionOfInterest.parse("0,0,0.001,0.001").inPixels(640, 480));
    }

    private static void refused(ComponentConfig<Config> config, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> config.as(DetectorSettings::from))
                .getMessage();
        assertTrue(message.contains(expected) && message.contains(DetectorSettings.PID), message);
    }
}
