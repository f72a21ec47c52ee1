package io.kapture.engine.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kapture.api.DropPolicy;
import io.kapture.api.PixelFormat;
import io.kapture.engine.internal.config.CameraSettings.ControlSetting;

/** Validation of camera configurations: defaults, lenient text, and messages that name every bad field. */
class SettingsParserTest {

    private static Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        map.put("service.pid", "io.kapture.camera~cam0");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String rejection(Object... keysAndValues) {
        return assertThrows(InvalidSettingsException.class, () -> SettingsParser.parse(config(keysAndValues)))
                .getMessage();
    }

    @Test
    void anEmptyConfigurationGetsTheDocumentedDefaults() throws InvalidSettingsException {
        CameraSettings settings = SettingsParser.parse(config());

        assertEquals("cam0", settings.name());
        assertEquals("synthetic", settings.device());
        assertEquals(640, settings.width());
        assertEquals(480, settings.height());
        assertEquals(PixelFormat.YUYV, settings.pixelFormat());
        assertEquals(30.0, settings.fps());
        assertEquals(4, settings.buffers());
        assertEquals("pool", settings.delivery());
        assertEquals(8, settings.queueCapacity());
        assertEquals(DropPolicy.DROP_OLDEST, settings.dropPolicy());
        assertTrue(settings.enabled());
        assertEquals(List.of(), settings.controls());
        assertEquals(2000, settings.retryIntervalMs());
        assertEquals(5000, settings.stallTimeoutMs());
        assertEquals(500, settings.listenerGraceMs());
    }

    @Test
    void theNameComesFromTheNameKeyOrTheFactoryConfiguration() throws InvalidSettingsException {
        assertEquals("front", SettingsParser.parse(config("name", " front ")).name());
        assertEquals("cam0", SettingsParser.parse(config("name", "")).name());
        assertEquals("abc-123", SettingsParser.parse(Map.of("service.pid", "io.kapture.camera.abc-123")).name());
        assertEquals("camera (unnamed): name must be set (or create the configuration as io.kapture.camera~<name>)",
                assertThrows(InvalidSettingsException.class, () -> SettingsParser.parse(Map.of())).getMessage());
        assertEquals("camera *: name must not be '*': listeners use it to mean every camera", rejection("name", "*"));
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsField() {
        assertEquals("camera cam0: width must be between 1 and 16384, was -5; pixel.format 'FOO' unknown; supported: "
                + "YUYV, UYVY, NV12, YU12, NV21, YV12, NV16, RGB24, BGR24, GREY, MJPEG, H264; buffers must be at least 2 "
                + "(one being filled while another is read), was 1",
                rejection("width", -5, "pixel.format", "FOO", "buffers", 1));
    }

    @Test
    void rangesAreChecked() {
        assertTrue(rejection("height", 16385).endsWith("height must be between 1 and 16384, was 16385"));
        assertTrue(rejection("buffers", 33).endsWith("buffers must be at most 32, was 33"));
        assertTrue(rejection("fps", -1).endsWith("fps must be between 0 (as fast as the device can) and 1000, "
                + "was -1.0"));
        assertTrue(rejection("queue.capacity", 0).endsWith("queue.capacity must be between 1 and 1024, was 0"));
        assertTrue(rejection("retry.interval.ms", 5L).endsWith("retry.interval.ms must be between 10 and 3600000, "
                + "was 5"));
        assertTrue(rejection("stall.timeout.ms", 50L).endsWith("stall.timeout.ms must be 0 (no watchdog) or at "
                + "least 100, was 50"));
        assertTrue(rejection("listener.grace.ms", -1L).endsWith("listener.grace.ms must be between 0 and 600000, "
                + "was -1"));
        assertTrue(rejection("device", " ").endsWith("device must be a device such as synthetic or /dev/video0, "
                + "was empty"));
        assertTrue(rejection("drop.policy", "NEVER").endsWith("drop.policy 'NEVER' unknown; use BLOCK, DROP_OLDEST "
                + "or DROP_NEWEST"));
    }

    @Test
    void wrongTypesAreRejectedRatherThanCoerced() {
        assertTrue(rejection("width", "abc").endsWith("width must be a whole number, was 'abc'"));
        assertTrue(rejection("width", 640.5).endsWith("width must be a whole number, was 640.5"));
        assertTrue(rejection("fps", "fast").endsWith("fps must be a number, was 'fast'"));
        assertTrue(rejection("enabled", "yes").endsWith("enabled must be true or false, was 'yes'"));
        assertTrue(rejection("device", 42).endsWith("device must be text, was 42"));
        assertTrue(rejection("controls", 42).endsWith("controls must be a list of texts, was 42"));
    }

    @Test
    void textAndOtherNumberTypesAreAccepted() throws InvalidSettingsException {
        CameraSettings settings = SettingsParser.parse(config("width", "320", "height", 240L, "buffers", 6.0, "fps",
                "15", "enabled", "False", "pixel.format", "mjpg", "drop.policy", "drop-newest"));

        assertEquals(320, settings.width());
        assertEquals(240, settings.height());
        assertEquals(6, settings.buffers());
        assertEquals(15.0, settings.fps());
        assertFalse(settings.enabled());
        assertEquals(PixelFormat.MJPEG, settings.pixelFormat());
        assertEquals(DropPolicy.DROP_NEWEST, settings.dropPolicy());
    }

    @Test
    void controlsAreNameValuePairsInAnyListForm() throws InvalidSettingsException {
        List<ControlSetting> expected = List.of(new ControlSetting("brightness", 128),
                new ControlSetting("contrast", -3));

        assertEquals(expected, SettingsParser.parse(config("controls", "brightness=128, contrast = -3")).controls());
        assertEquals(expected, SettingsParser.parse(config("controls",
                new String[] { "brightness=128", "contrast=-3" })).controls());
        assertEquals(expected, SettingsParser.parse(config("controls", List.of("brightness=128", "contrast=-3")))
                .controls());
        assertEquals("camera cam0: controls entry 'brightness' must be name=value with a whole number value, e.g. "
                + "brightness=128; controls entry '=5' must be name=value with a whole number value, e.g. "
                + "brightness=128; controls entry 'gain=high' must be name=value with a whole number value, e.g. "
                + "brightness=128", rejection("controls", "brightness,=5,gain=high"));
    }

    @Test
    void onlyStreamSettingsNeedARestart() throws InvalidSettingsException {
        CameraSettings base = SettingsParser.parse(config("controls", new String[] { "brightness=1" },
                "synthetic.pattern", "bars"));

        assertTrue(SettingsParser.parse(config("controls", new String[] { "brightness=1" }, "synthetic.pattern",
                "bars", "width", 320)).needsRestartFrom(base));
        assertTrue(SettingsParser.parse(config("controls", new String[] { "brightness=2" }, "synthetic.pattern",
                "bars")).needsRestartFrom(base));
        assertTrue(SettingsParser.parse(config("controls", new String[] { "brightness=1" }, "synthetic.pattern",
                "noise")).needsRestartFrom(base), "provider options restart the stream");
        CameraSettings live = SettingsParser.parse(config("controls", new String[] { "brightness=1" },
                "synthetic.pattern", "bars", "delivery", "zerocopy", "queue.capacity", 2, "drop.policy", "BLOCK",
                "stall.timeout.ms", 0L, "retry.interval.ms", 100L, "listener.grace.ms", 30_000L,
                "felix.fileinstall.filename", "file:/etc/x.cfg"));
        assertFalse(live.needsRestartFrom(base));
        assertEquals(30_000, live.listenerGraceMs());
        assertTrue(live.queueDefaultsDifferFrom(base));
        assertFalse(base.queueDefaultsDifferFrom(base));
    }
}
