package io.kapture.synthetic.internal;

import static io.kapture.synthetic.internal.Sources.now;
import static io.kapture.synthetic.internal.Sources.streaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DriverBuffer;

class ControlsTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private final SyntheticSourceProvider provider = new SyntheticSourceProvider(new FakeClock());

    @Test
    void opensOfOneDeviceShareItsControls() {
        CaptureSource first = provider.open("synthetic:shared", Map.of());
        CaptureSource second = provider.open("synthetic:shared", Map.of());
        CaptureSource elsewhere = provider.open("synthetic:other", Map.of());
        first.control("brightness", 200);
        second.control("test_pattern", 3);
        assertEquals(200, second.control("brightness"));
        assertEquals(3, first.control("test_pattern"));
        assertEquals(128, elsewhere.control("brightness"));
        assertEquals(2, elsewhere.control("test_pattern"), "bars+box by default");
    }

    @Test
    void valuesAreClampedOrRefused() {
        CaptureSource source = provider.open("synthetic:clamp", Map.of());
        source.control("brightness", 300);
        assertEquals(255, source.control("brightness"));
        source.control("BRIGHTNESS", -5);
        assertEquals(0, source.control("brightness"));
        IllegalArgumentException menu = assertThrows(IllegalArgumentException.class,
                () -> source.control("test_pattern", 4));
        assertTrue(menu.getMessage().contains("3=noise"), menu.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> source.control("contrast"));
        assertTrue(unknown.getMessage().contains("brightness") && unknown.getMessage().contains("test_pattern"),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> source.control("exposure", 1));
    }

    @Test
    void controlsAreListedWithRangesAndMenu() {
        CaptureSource source = provider.open("synthetic:list", Map.of("synthetic.pattern", "box"));
        List<ControlInfo> controls = source.controls();
        assertEquals(2, controls.size());
        ControlInfo brightness = controls.get(0);
        assertEquals(new ControlInfo("brightness", ControlInfo.Type.INTEGER, 0, 255, 1, 128, 128, Map.of()),
                brightness);
        ControlInfo pattern = controls.get(1);
        assertEquals(ControlInfo.Type.MENU, pattern.type());
        assertEquals(1, pattern.value(), "the pattern option set the control");
        assertEquals(Map.of(0L, "bars", 1L, "box", 2L, "bars+box", 3L, "noise"), pattern.menu());
    }

    @Test
    void aStreamingSourceRepaintsWhenAnotherOpenChangesBrightness() throws InterruptedException {
        SyntheticSource streaming = streaming(provider, "synthetic:live", Map.of("synthetic.pattern", "bars"), WIDTH,
                HEIGHT, PixelFormat.GREY, 0, 2);
        CaptureSource shell = provider.open("synthetic:live", Map.of());
        int greenBar = (HEIGHT - 4) * WIDTH + WIDTH * 7 / 16;

        DriverBuffer before = now(streaming);
        assertEquals(145, before.memory().get(greenBar) & 0xFF);
        streaming.queue(before);

        shell.control("brightness", 148);
        for (int i = 0; i < 2; i++) {
            DriverBuffer after = now(streaming);
            assertEquals(165, after.memory().get(greenBar) & 0xFF, "every buffer gets the new template");
            streaming.queue(after);
        }
        shell.control("test_pattern", 1);
        DriverBuffer box = now(streaming);
        assertEquals(71 + 20, box.memory().get(greenBar) & 0xFF, "grey background (luma 71), brightness still +20");
    }
}
