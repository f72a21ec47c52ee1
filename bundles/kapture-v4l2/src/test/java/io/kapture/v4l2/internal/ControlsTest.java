package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.spi.ControlInfo;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2CaptureSource;
import io.kapture.v4l2.V4l2Sources;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimulatedKernel;

/** Controls through QUERY_EXT_CTRL / QUERYCTRL, QUERYMENU, G/S_CTRL and G/S_EXT_CTRLS against the simulation. */
class ControlsTest {

    @TempDir
    Path root;

    private SimulatedKernel kernel;
    private String node;

    @BeforeEach
    void plugIn() {
        kernel = new SimulatedKernel(root);
        kernel.add(0, SimCamera.webcam("Sim Webcam"), null, null);
        node = kernel.devRoot().resolve("video0").toString();
    }

    @Test
    void listsControlsWithV4l2CtlNamesMenusAndValues() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            List<ControlInfo> controls = source.controls();
            assertEquals(List.of("brightness", "contrast", "white_balance_automatic", "power_line_frequency",
                    "white_balance_temperature", "auto_exposure", "exposure_time_absolute", "focus_absolute",
                    "pan_reset"), controls.stream().map(ControlInfo::name).toList(), "disabled controls are left out");
            ControlInfo power = controls.get(3);
            assertEquals(ControlInfo.Type.MENU, power.type());
            assertEquals(Map.of(0L, "Disabled", 1L, "50 Hz", 2L, "60 Hz"), power.menu());
            assertEquals(Map.of(1L, "Manual Mode", 3L, "Aperture Priority Mode"), controls.get(5).menu(),
                    "menu indices the driver skips are left out");
            assertEquals(Map.of(0L, "10", 1L, "50", 2L, "250"), controls.get(7).menu());
            assertEquals(ControlInfo.Type.INTEGER64, controls.get(6).type());
            assertEquals(5_000_000_000L, controls.get(6).maximum());
            assertEquals(ControlInfo.Type.BUTTON, controls.get(8).type());
        }
    }

    @Test
    void setsAndReadsBackIncludingSixtyFourBitControls() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            source.control("brightness", 12);
            assertEquals(12, source.control("brightness"));
            source.control("brightness", 1000);
            assertEquals(64, source.control("brightness"), "the driver clamps to the range");
            source.control("Power_Line_Frequency", 2);
            assertEquals(2, source.control("power_line_frequency"));
            source.control("exposure_time_absolute", 4_000_000_000L);
            assertEquals(4_000_000_000L, source.control("exposure_time_absolute"));
            assertEquals(4_000_000_000L, source.controls().get(6).value());
            source.control("pan_reset", 1);
        }
        assertTrue(kernel.calls("VIDIOC_S_EXT_CTRLS") >= 1);
        assertTrue(kernel.calls("VIDIOC_QUERY_EXT_CTRL") > 0);
    }

    @Test
    void refusesUnknownReadOnlyAndOffMenuValuesWithClearMessages() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> source.control("zoom", 1));
            assertTrue(unknown.getMessage().contains("no control 'zoom'")
                    && unknown.getMessage().contains("brightness, contrast"), unknown.getMessage());
            IllegalArgumentException readOnly = assertThrows(IllegalArgumentException.class,
                    () -> source.control("contrast", 3));
            assertTrue(readOnly.getMessage().contains("read-only"), readOnly.getMessage());
            IllegalArgumentException offMenu = assertThrows(IllegalArgumentException.class,
                    () -> source.control("auto_exposure", 2));
            assertTrue(offMenu.getMessage().contains("not an item"), offMenu.getMessage());
            assertThrows(IllegalArgumentException.class, () -> source.control("pan_reset"));
        }
    }

    @Test
    void fallsBackToQueryctrlOnDriversWithoutQueryExtCtrl() {
        kernel.inject(V4l2.VIDIOC_QUERY_EXT_CTRL, io.kapture.v4l2.Errno.ENOTTY, 1);
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            List<ControlInfo> controls = source.controls();
            assertEquals(9, controls.size());
            assertEquals(Integer.MAX_VALUE, controls.get(6).maximum(), "QUERYCTRL has a 32-bit range only");
            assertFalse(controls.get(3).menu().isEmpty());
        }
        assertTrue(kernel.calls("VIDIOC_QUERYCTRL") >= 10);
    }

    @Test
    void configurationControlsAcceptNumbersBooleansAndMenuLabels() {
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            OptionControls.apply(source, Map.of("controls",
                    new String[] {"brightness=-5", "white_balance_automatic=false", "power_line_frequency=60 Hz",
                        "auto_exposure=manual_mode"}));
            assertEquals(-5, source.control("brightness"));
            assertEquals(0, source.control("white_balance_automatic"));
            assertEquals(2, source.control("power_line_frequency"));
            assertEquals(1, source.control("auto_exposure"));
            Exception bad = assertThrows(RuntimeException.class,
                    () -> OptionControls.apply(source, Map.of("controls", "power_line_frequency=70hz")));
            assertTrue(bad.getMessage().contains("'controls'") && bad.getMessage().contains("60 Hz"), bad.getMessage());
        }
    }
}
