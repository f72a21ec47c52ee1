package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.DeviceLostException;
import io.kapture.api.spi.CaptureSource;
import io.kapture.v4l2.LinuxLibc;
import io.kapture.v4l2.internal.DeviceNumbers.DeviceNumber;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * Device paths from configuration are validated before anything is opened: only a character device inside the
 * device folder that sysfs (or, without sysfs, major number 81) says is a V4L2 node. Against the simulation's
 * tree (plain files, with the device numbers {@link SimDeviceNumbers} gives them and a sysfs tree as the kernel's)
 * and against this machine's real {@code /dev} and {@code /sys}.
 */
class DevicePathValidationTest {

    private static final String BY_ID = "/dev/v4l/by-id/usb-Sim_Webcam_0001-video-index0";

    @TempDir
    Path root;

    private SimulatedKernel kernel;
    private SimDeviceNumbers numbers;
    private V4l2SourceProvider provider;

    @BeforeEach
    void activate() {
        kernel = new SimulatedKernel(root);
        kernel.add(0, SimCamera.webcam("Sim Webcam"), "usb-Sim_Webcam_0001-video-index0", null);
        numbers = new SimDeviceNumbers(kernel);
        provider = new V4l2SourceProvider(kernel, kernel.devRoot(), kernel.sysRoot(), false, numbers);
    }

    @AfterEach
    void deactivate() {
        provider.deactivate();
        assertEquals(0, kernel.openDescriptors());
    }

    @Test
    void opensAV4l2NodeByItsNameAndByItsStableName() {
        try (CaptureSource node = provider.open("/dev/video0", Map.of())) {
            assertEquals("Sim Webcam", node.info().card());
        }
        try (CaptureSource stable = provider.open(BY_ID, Map.of())) {
            assertEquals("Sim Webcam", stable.info().card());
        }
    }

    @Test
    void refusesAPlainFileWithoutOpeningIt() throws IOException {
        Files.writeString(kernel.devRoot().resolve("notes.txt"), "not a camera");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.open("/dev/notes.txt", Map.of()));
        assertTrue(refused.getMessage().contains("'/dev/notes.txt'")
                && refused.getMessage().contains("is not a character device"), refused.getMessage());
        assertEquals(0, kernel.calls("open"), "nothing was opened");
    }

    @Test
    void refusesACharacterDeviceOfAnotherSubsystemWithoutOpeningIt() throws IOException {
        Path watchdog = Files.createFile(kernel.devRoot().resolve("watchdog"));
        numbers.declare(watchdog, 10, 130);
        Path misc = Files.createDirectories(kernel.sysRoot().resolve("class/misc/watchdog"));
        Files.createSymbolicLink(misc.resolve("subsystem"), Path.of(".."));
        Files.createDirectories(kernel.sysRoot().resolve("dev/char"));
        Files.createSymbolicLink(kernel.sysRoot().resolve("dev/char/10:130"), Path.of("../../class/misc/watchdog"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.open("/dev/watchdog", Map.of()));
        assertTrue(refused.getMessage().contains("character device 10:130 of subsystem 'misc'")
                && refused.getMessage().contains("not a V4L2 (video4linux) node"), refused.getMessage());
        assertEquals(0, kernel.calls("open"), "the watchdog was not opened (opening one arms it)");
    }

    @Test
    void refusesNamesThatLeadOutOfTheDeviceFolder() throws IOException {
        Files.writeString(root.resolve("secret"), "outside /dev");
        Files.createDirectories(kernel.devRoot().resolve("v4l/by-id"));
        Files.createSymbolicLink(kernel.devRoot().resolve("v4l/by-id/evil"), Path.of("../../../secret"));

        for (String escape : new String[] {"/dev/../secret", "/dev/v4l/../../secret", "/dev/v4l/by-id/evil",
            "/dev/."}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> provider.open(escape, Map.of()), escape);
            assertTrue(refused.getMessage().contains("which is not in"), refused.getMessage());
        }
        assertEquals(0, kernel.calls("open"), "nothing was opened");
    }

    @Test
    void aMissingDeviceIsLostNotInvalidSoTheEngineKeepsRetrying() {
        DeviceLostException lost = assertThrows(DeviceLostException.class,
                () -> provider.open("/dev/video7", Map.of()));
        assertTrue(lost.getMessage().contains("/dev/video7 does not exist"), lost.getMessage());
    }

    @Test
    void withoutSysfsOnlyMajor81Counts() throws IOException {
        Path maybe = Files.createFile(kernel.devRoot().resolve("capture"));
        Path other = Files.createFile(kernel.devRoot().resolve("serial"));
        numbers.declare(maybe, 81, 40);
        numbers.declare(other, 4, 64);
        DeviceNodeCheck check = new DeviceNodeCheck(kernel.devRoot(), kernel.sysRoot(), numbers);

        assertEquals(maybe.toRealPath(), check.check("/dev/capture", maybe));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> check.check("/dev/serial", other));
        assertTrue(refused.getMessage().contains("4:64 (major 4, not 81)"), refused.getMessage());
    }

    @Test
    void thisMachinesNullDeviceAndFilesOutsideDevAreRefused() {
        V4l2SourceProvider real = new V4l2SourceProvider(LinuxLibc.get(), Path.of("/dev"), Path.of("/sys"), false,
                DeviceNumbers.STAT);
        try {
            IllegalArgumentException nullDevice = assertThrows(IllegalArgumentException.class,
                    () -> real.open("/dev/null", Map.of()));
            assertTrue(nullDevice.getMessage().contains("character device 1:3")
                    && nullDevice.getMessage().contains("not a V4L2"), nullDevice.getMessage());
            IllegalArgumentException passwd = assertThrows(IllegalArgumentException.class,
                    () -> real.open("/dev/../etc/passwd", Map.of()));
            assertTrue(passwd.getMessage().contains("/etc/passwd, which is not in /dev"), passwd.getMessage());
            assertThrows(DeviceLostException.class, () -> real.open("/dev/v4l/by-id/no-such-camera", Map.of()));
        } finally {
            real.deactivate();
        }
    }

    @Test
    void deviceNumbersDecodeAsGlibcDoes() {
        assertEquals(new DeviceNumber(1, 3), DeviceNumber.decode(0x103));
        assertEquals(new DeviceNumber(81, 0), DeviceNumber.decode(0x5100));
        long major = 0x1234;
        long minor = 0x56789;
        long rdev = (minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xffL) << 12) | ((major & ~0xfffL) << 32);
        assertEquals(new DeviceNumber(0x1234, 0x56789), DeviceNumber.decode(rdev));
    }
}
