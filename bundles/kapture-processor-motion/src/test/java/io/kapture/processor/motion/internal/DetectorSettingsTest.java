package io.kapture.processor.motion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.kapture.processor.motion.internal.RegionOfInterest.PixelRegion;

/** Invalid configurations are refused by key, with the valid range; valid ones are converted exactly. */
class DetectorSettingsTest {

    @Test
    void theDefaultsConvert() {
        DetectorSettings settings = new TestConfig().settings();

        assertEquals("cam0", settings.camera());
        assertEquals(0.005, settings.minAreaFraction(), 1e-12);
        assertEquals(26, settings.adaptation256());
        assertEquals(1_000_000_000L, settings.quietNanos());
        assertEquals(RegionOfInterest.WHOLE_FRAME, settings.region());
    }

    @Test
    void eachInvalidValueIsNamed() {
        refused(config -> config.camera = " ", "camera");
        refused(config -> config.threshold = 0, "threshold must be from 1 to 255");
        refused(config -> config.threshold = 256, "threshold");
        refused(config -> config.minAreaPercent = 0, "min.area.percent must be from 0.01 to 100");
        refused(config -> config.minAreaPercent = Double.NaN, "min.area.percent");
        refused(config -> config.cellSize = 65, "cell.size must be from 1 to 64");
        refused(config -> config.adaptation = 0, "adaptation must be from 0.004 to 1");
        refused(config -> config.adaptation = 1.5, "adaptation");
        refused(config -> config.quietMillis = -1, "quiet.ms");
        refused(config -> config.roi = "0,0,100", "roi must be 'x,y,width,height'");
        refused(config -> config.roi = "0,0,abc,100", "'abc' in '0,0,abc,100' is not a number");
        refused(config -> config.roi = "50,0,60,100", "roi must lie within the frame");
        refused(config -> config.roi = "0,0,0,100", "roi must lie within the frame");
    }

    @Test
    void theRegionMapsOntoEveryFrameSize() {
        RegionOfInterest lowerRightQuarter = RegionOfInterest.parse(" 50, 50 ,50,50");

        assertEquals(new PixelRegion(320, 240, 320, 240), lowerRightQuarter.inPixels(640, 480));
        assertEquals(new PixelRegion(960, 540, 960, 540), lowerRightQuarter.inPixels(1920, 1080));
        assertEquals(new PixelRegion(0, 0, 1, 1), RegionOfInterest.parse("0,0,0.001,0.001").inPixels(640, 480));
    }

    private static void refused(Consumer<TestConfig> change, String expected) {
        TestConfig config = new TestConfig();
        change.accept(config);
        String message = assertThrows(IllegalArgumentException.class, config::settings).getMessage();
        assertTrue(message.contains(expected) && message.contains(DetectorSettings.PID), message);
    }
}
