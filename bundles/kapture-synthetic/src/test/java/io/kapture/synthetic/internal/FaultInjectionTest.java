package io.kapture.synthetic.internal;

import static io.kapture.synthetic.internal.Sources.now;
import static io.kapture.synthetic.internal.Sources.streaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kapture.api.DeviceLostException;
import io.kapture.api.FrameFlags;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;

class FaultInjectionTest {
    private final FakeClock clock = new FakeClock();
    private final SyntheticSourceProvider provider = new SyntheticSourceProvider(clock);

    @Test
    void theDeviceIsLostAfterNFramesAndComesBackLater() throws InterruptedException {
        Map<String, Object> faults = Map.of("synthetic.fault.lost.after", 3L, "synthetic.fault.return.after.ms", 500);
        SyntheticSource source = streaming(provider, "synthetic:flaky", faults, 64, 48, PixelFormat.GREY, 0, 2);
        for (int i = 0; i < 3; i++) {
            DriverBuffer buffer = now(source);
            assertEquals(i, buffer.sequence());
            source.queue(buffer);
        }
        DeviceLostException lost = assertThrows(DeviceLostException.class, () -> now(source));
        assertEquals("synthetic device 'synthetic:flaky' lost after 3 frames (fault injection)", lost.getMessage());
        assertThrows(DeviceLostException.class, () -> now(source), "it stays lost");
        assertThrows(DeviceLostException.class, () -> source.start(2));
        assertEquals(0, source.bufferCount(), "buffers were dropped");
        source.stop();
        source.close();

        assertThrows(DeviceLostException.class, () -> provider.open("synthetic:flaky", faults));
        assertFalse(provider.devices().stream().map(DeviceInfo::device).anyMatch("synthetic:flaky"::equals));
        assertNotNull(provider.open("synthetic", Map.of()), "other devices are unaffected");

        clock.advanceMillis(499);
        assertThrows(DeviceLostException.class, () -> provider.open("synthetic:flaky", faults));
        clock.advanceMillis(1);
        assertTrue(provider.devices().stream().map(DeviceInfo::device).anyMatch("synthetic:flaky"::equals));
        SyntheticSource again = (SyntheticSource) provider.open("synthetic:flaky", faults);
        again.negotiate(new FormatRequest(64, 48, PixelFormat.GREY, 0));
        again.start(2);
        assertEquals(0, now(again).sequence(), "the reopened device streams again");
    }

    @Test
    void withoutAReturnDelayTheDeviceCanBeReopenedAtOnce() throws InterruptedException {
        Map<String, Object> faults = Map.of("synthetic.fault.lost.after", "1");
        SyntheticSource source = streaming(provider, "synthetic", faults, 64, 48, PixelFormat.GREY, 0, 2);
        now(source);
        assertThrows(DeviceLostException.class, () -> now(source));
        source.close();
        assertNotNull(provider.open("synthetic", faults));
    }

    @Test
    void everyNthFrameIsFlaggedCorrupted() throws InterruptedException {
        SyntheticSource source = streaming(provider, "synthetic", Map.of("synthetic.fault.corrupt.every", 3), 64, 48,
                PixelFormat.GREY, 0, 2);
        for (int i = 0; i < 12; i++) {
            DriverBuffer buffer = now(source);
            boolean expected = (buffer.sequence() + 1) % 3 == 0;
            assertEquals(expected, (buffer.flags() & FrameFlags.ERROR) != 0, "frame " + buffer.sequence());
            assertTrue((buffer.flags() & FrameFlags.TIMESTAMP_MONOTONIC) != 0);
            source.queue(buffer);
        }
    }
}
