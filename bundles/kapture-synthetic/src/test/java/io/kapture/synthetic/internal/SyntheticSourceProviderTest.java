package io.kapture.synthetic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kapture.api.DeviceLostException;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.FormatRequest;

class SyntheticSourceProviderTest {
    private final SyntheticSourceProvider provider = new SyntheticSourceProvider(new FakeClock());

    @Test
    void handlesSyntheticNamesOnly() {
        assertEquals("synthetic", provider.type());
        assertTrue(provider.handles("synthetic"));
        assertTrue(provider.handles("synthetic:cam1"));
        assertFalse(provider.handles("/dev/video0"));
        assertFalse(provider.handles("synth"));
        assertFalse(provider.handles("Synthetic"));
        assertFalse(provider.handles(null));
    }

    @Test
    void devicesListTheDefaultAndEveryOpenedOne() {
        assertEquals(List.of("synthetic"), provider.devices().stream().map(DeviceInfo::device).toList());
        provider.open("synthetic:b", Map.of()).close();
        provider.open("synthetic:a", Map.of());
        assertEquals(List.of("synthetic", "synthetic:a", "synthetic:b"),
                provider.devices().stream().map(DeviceInfo::device).toList());
        DeviceInfo info = provider.devices().get(0);
        assertTrue(info.capture());
        assertEquals("kapture-synthetic", info.driver());
    }

    @Test
    void openingAForeignNameFails() {
        DeviceLostException e = assertThrows(DeviceLostException.class, () -> provider.open("/dev/video0", Map.of()));
        assertTrue(e.getMessage().contains("synthetic:<anything>"), e.getMessage());
    }

    @Test
    void badOptionsFailTheOpen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.open("synthetic", Map.of("synthetic.fault.corrupt.every", "often")));
        assertTrue(e.getMessage().contains("synthetic.fault.corrupt.every"), e.getMessage());
        assertEquals(0, provider.openSources());
    }

    @Test
    void deactivationClosesWhatIsStillOpen() {
        CaptureSource idle = provider.open("synthetic", Map.of());
        CaptureSource streaming = provider.open("synthetic:2", Map.of());
        streaming.negotiate(new FormatRequest(64, 48, PixelFormat.YUYV, 30));
        streaming.start(2);
        assertEquals(2, provider.openSources());
        provider.deactivate();
        assertEquals(0, provider.openSources());
        assertEquals(0, streaming.bufferCount());
        assertThrows(IllegalStateException.class, () -> idle.negotiate(new FormatRequest(64, 48, PixelFormat.YUYV, 30)));
    }
}
