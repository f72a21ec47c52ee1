package io.kapture.v4l2;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.DeviceLostException;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.v4l2.hotplug.V4l2DeviceListener;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimDevice;
import io.kapture.v4l2.sim.SimulatedKernel;

/** Discovery against a fake dev / sysfs tree, and hot-plug through the inotify watcher. */
class DiscoveryTest {

    @TempDir
    Path root;

    private SimulatedKernel kernel;
    private V4l2Discovery discovery;

    @BeforeEach
    void tree() {
        kernel = new SimulatedKernel(root);
        kernel.add(0, SimCamera.webcam("Sim Webcam"), "usb-Sim_Webcam_0001-video-index0",
                "pci-0000:00:14.0-usb-0:1:1.0-video-index0");
        kernel.add(1, SimCamera.metadata("Sim Webcam"), "usb-Sim_Webcam_0001-video-index1", null);
        kernel.add(10, SimCamera.multiPlanar("Sim Sensor"), null, null);
        discovery = new V4l2Discovery(kernel, kernel.devRoot(), kernel.sysRoot());
    }

    @Test
    void findsNodesWithIdentityCapabilitiesAndStableNames() {
        List<DeviceInfo> devices = discovery.devices();
        assertEquals(List.of("video0", "video1", "video10"),
                devices.stream().map(d -> Path.of(d.device()).getFileName().toString()).toList(), "numeric order");
        DeviceInfo webcam = devices.get(0);
        assertEquals("uvcvideo", webcam.driver());
        assertEquals("Sim Webcam", webcam.card());
        assertEquals("usb-0000:00:14.0-1", webcam.bus());
        assertTrue(webcam.capture());
        assertEquals(List.of("video-capture", "streaming", "ext-pix-format"), webcam.capabilities());
        assertEquals(List.of(kernel.devRoot() + "/v4l/by-id/usb-Sim_Webcam_0001-video-index0",
                kernel.devRoot() + "/v4l/by-path/pci-0000:00:14.0-usb-0:1:1.0-video-index0"), webcam.stableNames());
        assertFalse(devices.get(1).capture(), "the metadata node is not a capture node");
        assertTrue(devices.get(1).capabilities().contains("metadata-capture"));
        assertTrue(devices.get(2).capture());
        assertTrue(devices.get(2).capabilities().contains("video-capture-mplane"));
        assertEquals(0, kernel.openDescriptors(), "discovery closes what it opened");
    }

    @Test
    void nodesThatCannotBeQueriedAreListedWithTheirSysfsName() throws IOException {
        Files.createFile(kernel.devRoot().resolve("video7"));
        Files.createDirectories(kernel.sysRoot().resolve("class/video4linux/video7"));
        Files.writeString(kernel.sysRoot().resolve("class/video4linux/video7/name"), "Odd Thing\n");
        DeviceInfo odd = discovery.devices().get(2);
        assertEquals("Odd Thing", odd.card());
        assertFalse(odd.capture());
        assertTrue(odd.capabilities().get(0).startsWith("unavailable:") && odd.capabilities().get(0).contains("ENOTTY"),
                odd.capabilities().toString());
    }

    @Test
    void stableNamesResolveToTheCurrentNode() {
        assertEquals(kernel.devRoot().resolve("video0").toString(),
                V4l2Discovery.resolve(kernel.devRoot() + "/v4l/by-id/usb-Sim_Webcam_0001-video-index0"));
        DeviceLostException missing = assertThrows(DeviceLostException.class,
                () -> V4l2Discovery.resolve(kernel.devRoot() + "/v4l/by-id/usb-Gone-video-index0"));
        assertTrue(missing.getMessage().contains("not plugged in"), missing.getMessage());
    }

    @Test
    void theWatcherNoticesCamerasComingAndGoing() {
        List<String> events = new CopyOnWriteArrayList<>();
        try (V4l2DeviceWatcher watcher = new V4l2DeviceWatcher(discovery)) {
            watcher.addListener(new V4l2DeviceListener() {
                @Override
                public void deviceAdded(DeviceInfo device) {
                    events.add("added " + device.card() + " " + device.stableNames().size());
                }

                @Override
                public void deviceRemoved(DeviceInfo device) {
                    events.add("removed " + device.card());
                }
            });
            assertEquals(3, watcher.devices().size());
            SimDevice plugged = kernel.add(3, SimCamera.webcam("Late Cam"), "usb-Late_Cam-video-index0", null);
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.devices().size() == 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("added Late Cam 1")
                    || events.contains("added Late Cam 0"));
            plugged.unplug();
            await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("removed Late Cam"));
            assertEquals(3, watcher.devices().size());
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.devices().stream()
                    .noneMatch(d -> d.card().equals("Late Cam")));
        }
    }
}
