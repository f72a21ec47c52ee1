package io.kapture.v4l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.kapture.api.DeviceBusyException;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;

/**
 * The same checks against a real kernel driver (vivid in qemu, or a real camera), through the real JNA libc:
 * {@code mvn -pl bundles/kapture-v4l2 install -Dkapture.v4l2.device=/dev/video0 -Dtest=RealDeviceTest}.
 * Without the property these tests are skipped, saying so.
 */
@EnabledIfSystemProperty(named = RealDeviceTest.PROPERTY, matches = ".+",
        disabledReason = "no real device: run with -D" + RealDeviceTest.PROPERTY + "=/dev/videoN to check one")
class RealDeviceTest {

    static final String PROPERTY = "kapture.v4l2.device";

    private static String device;
    private static V4l2Discovery discovery;

    @BeforeAll
    static void device() {
        device = System.getProperty(PROPERTY);
        discovery = V4l2Discovery.system();
    }

    @Test
    void discoveryListsTheDeviceAsACaptureNode() {
        String node = V4l2Discovery.resolve(device);
        List<DeviceInfo> devices = discovery.devices();
        DeviceInfo info = devices.stream().filter(d -> d.device().equals(node)).findFirst()
                .orElseThrow(() -> new AssertionError(node + " not among " + devices));
        assertTrue(info.capture(), info.toString());
        assertFalse(info.driver().isEmpty());
        assertTrue(info.capabilities().contains("streaming"), info.capabilities().toString());
    }

    @Test
    void negotiatesStreamsInSequenceAndReleasesEverything() throws InterruptedException {
        ProcessResources before = ProcessResources.count(Path.of("/dev"));
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            List<FormatDescription> formats = source.formats();
            assertFalse(formats.isEmpty());
            Negotiation negotiation = source.negotiate(new FormatRequest(640, 480, PixelFormat.YUYV, 30));
            assertNotNull(negotiation.format(), formats.toString());
            source.start(4);
            long previous = -1;
            long gaps = 0;
            for (int i = 0; i < 30; i++) {
                DriverBuffer buffer = source.dequeue(5, TimeUnit.SECONDS);
                assertNotNull(buffer, "frame " + i + " within 5 s");
                assertTrue(buffer.sequence() > previous, "sequence must increase: " + buffer.sequence());
                gaps += previous < 0 ? 0 : buffer.sequence() - previous - 1;
                previous = buffer.sequence();
                assertTrue(buffer.bytesUsed() > 0 && buffer.bytesUsed() <= buffer.memory().capacity());
                source.queue(buffer);
            }
            assertTrue(gaps < 30, "too many frames lost: " + gaps);
            assertThrows(DeviceBusyException.class, () -> V4l2Sources.open(device).close());
            int dmabuf = exportIfSupported(source);
            if (dmabuf >= 0) {
                LinuxLibc.get().close(dmabuf);
            }
            source.stop();
            assertEquals(0, source.orphanedMappings());
        }
        assertEquals(before, ProcessResources.count(Path.of("/dev")), "descriptors and mappings of /dev released");
    }

    @Test
    void controlsCanBeReadAndSet() {
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            List<ControlInfo> controls = source.controls();
            for (ControlInfo control : controls) {
                if (control.type() == ControlInfo.Type.INTEGER && control.maximum() > control.minimum()) {
                    long original = source.control(control.name());
                    try {
                        source.control(control.name(), control.minimum());
                    } catch (IllegalArgumentException readOnly) {
                        continue;
                    }
                    assertEquals(control.minimum(), source.control(control.name()), control.toString());
                    source.control(control.name(), original);
                    assertEquals(original, source.control(control.name()));
                    return;
                }
            }
        }
    }

    private static int exportIfSupported(V4l2CaptureSource source) {
        try {
            return source.exportBuffer(0);
        } catch (V4l2UnsupportedException e) {
            return -1;
        }
    }
}
