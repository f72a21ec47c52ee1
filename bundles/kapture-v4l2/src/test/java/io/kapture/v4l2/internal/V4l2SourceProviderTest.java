package io.kapture.v4l2.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.CaptureException;
import io.kapture.api.DeviceBusyException;
import io.kapture.api.DeviceLostException;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.hotplug.V4l2DeviceListener;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimDevice;
import io.kapture.v4l2.sim.SimulatedKernel;

/** The DS provider over a simulated /dev tree: name handling, re-open after loss, listeners, bundle stop. */
class V4l2SourceProviderTest {

    private static final String BY_ID = "/dev/v4l/by-id/usb-Sim_Webcam_0001-video-index0";

    @TempDir
    Path root;

    private SimulatedKernel kernel;
    private SimDevice webcam;
    private V4l2SourceProvider provider;

    @BeforeEach
    void activate() {
        kernel = new SimulatedKernel(root);
        webcam = kernel.add(0, SimCamera.webcam("Sim Webcam"), "usb-Sim_Webcam_0001-video-index0", null);
        provider = new V4l2SourceProvider(kernel, kernel.devRoot(), kernel.sysRoot(), true,
                new SimDeviceNumbers(kernel));
    }

    @AfterEach
    void deactivate() {
        provider.deactivate();
    }

    @Test
    void handlesDevNamesOnly() {
        assertEquals("v4l2", provider.type());
        assertTrue(provider.handles("/dev/video0"));
        assertTrue(provider.handles(BY_ID));
        assertFalse(provider.handles("synthetic"));
        assertFalse(provider.handles(null));
        assertThrows(IllegalArgumentException.class, () -> provider.open("synthetic:x", Map.of()));
    }

    @Test
    void reopensAStableNameAfterTheCameraCameBack() throws InterruptedException {
        CaptureSource source = provider.open(BY_ID, Map.of());
        source.negotiate(new FormatRequest(640, 480, PixelFormat.YUYV, 30));
        source.start(2);
        webcam.unplug();
        assertThrows(DeviceLostException.class, () -> source.dequeue(1, TimeUnit.SECONDS));
        source.close();
        assertThrows(DeviceLostException.class, () -> provider.open(BY_ID, Map.of()), "engine retry while away");
        webcam.replug();
        try (CaptureSource again = provider.open(BY_ID, Map.of())) {
            again.start(2);
            assertEquals(0, again.dequeue(1, TimeUnit.SECONDS).sequence());
        }
        assertEquals(0, kernel.openDescriptors());
    }

    @Test
    void appliesTheConfiguredControlsAtOpen() {
        try (CaptureSource source = provider.open("/dev/video0",
                Map.of("controls", new String[] {"brightness=7", "power_line_frequency=50 Hz"}, "width", 640))) {
            assertEquals(7, source.control("brightness"));
            assertEquals(1, source.control("power_line_frequency"));
        }
        CaptureException bad = assertThrows(CaptureException.class,
                () -> provider.open("/dev/video0", Map.of("controls", new String[] {"sharpness=3"})));
        assertTrue(bad.getMessage().contains("'controls'") && bad.getMessage().contains("no control 'sharpness'"),
                bad.getMessage());
        assertEquals(0, kernel.openDescriptors(), "a refused configuration leaves nothing open");
    }

    @Test
    void keepsDevicesCurrentAndTellsListenerServices() {
        List<String> seen = new CopyOnWriteArrayList<>();
        provider.addListener(new V4l2DeviceListener() {
            @Override
            public void deviceAdded(DeviceInfo device) {
                seen.add("+" + device.card());
            }

            @Override
            public void deviceRemoved(DeviceInfo device) {
                seen.add("-" + device.card());
            }
        });
        assertEquals(1, provider.devices().size());
        SimDevice second = kernel.add(4, SimCamera.multiPlanar("Sim Sensor"), null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.devices().size() == 2 && seen.contains("+Sim Sensor"));
        second.unplug();
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.devices().size() == 1 && seen.contains("-Sim Sensor"));
    }

    @Test
    void listsTheFormatsOfADeviceAnotherHandleStreamsFrom() {
        try (CaptureSource streaming = provider.open(BY_ID, Map.of())) {
            streaming.start(2);
            assertThrows(DeviceBusyException.class, () -> provider.open("/dev/video0", Map.of()),
                    "a second stream is refused");
            List<FormatDescription> formats = provider.formats(BY_ID);
            assertEquals(streaming.formats(), formats);
            assertFalse(formats.isEmpty());
            assertEquals(1, kernel.openDescriptors(), "the listing's own handle is closed again");
            assertEquals(0, streaming.dequeue(1, TimeUnit.SECONDS).sequence(), "the stream went on");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThrows(DeviceLostException.class, () -> provider.formats("/dev/video9"));
        assertThrows(IllegalArgumentException.class, () -> provider.formats("synthetic"));
        assertEquals(0, kernel.openDescriptors());
    }

    @Test
    void tellsArrivalListenersWhenANodeComesBack() {
        List<String> arrived = new CopyOnWriteArrayList<>();
        provider.addArrivalListener(device -> arrived.add(device.device() + " " + device.stableNames()));
        provider.addArrivalListener(device -> {
            throw new IllegalStateException("a broken listener keeps the change from no one");
        });
        webcam.unplug();
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.devices().isEmpty());
        webcam.replug();
        await().atMost(Duration.ofSeconds(10)).until(() -> arrived.stream()
                .anyMatch(told -> told.startsWith(webcam.node() + " ") && told.contains(webcam.byId().toString())));
    }

    @Test
    void aRemovedNodeIsReportedByWhatItsDriverLastSaid() {
        List<DeviceInfo> removed = new CopyOnWriteArrayList<>();
        provider.addListener(new V4l2DeviceListener() {
            @Override
            public void deviceAdded(DeviceInfo device) {
            }

            @Override
            public void deviceRemoved(DeviceInfo device) {
                removed.add(device);
            }
        });
        // from now on every node fails VIDIOC_QUERYCAP, as a node whose driver is unbinding does
        kernel.inject(V4l2.VIDIOC_QUERYCAP, Errno.ENODEV, 1_000);
        kernel.add(4, SimCamera.multiPlanar("Sim Sensor"), null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.devices().size() == 2
                && provider.devices().get(0).driver().isEmpty());

        webcam.unplug();

        await().atMost(Duration.ofSeconds(10)).until(() -> !removed.isEmpty());
        assertEquals("Sim Webcam", removed.get(0).card());
    }

    @Test
    void deactivationClosesSourcesStillOpen() {
        CaptureSource source = provider.open("/dev/video0", Map.of());
        source.start(3);
        assertEquals(1, kernel.openDescriptors());
        assertEquals(3, kernel.clientMappings());
        provider.deactivate();
        assertEquals(0, kernel.openDescriptors());
        assertEquals(0, kernel.clientMappings());
        source.close();
    }
}
