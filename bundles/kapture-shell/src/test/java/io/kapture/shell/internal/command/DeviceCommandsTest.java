package io.kapture.shell.internal.command;

import static io.kapture.shell.internal.command.CamerasCommandTest.row;
import static io.kapture.shell.internal.testing.Tables.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.DeviceBusyException;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatDescription.FrameSize;
import io.kapture.shell.internal.testing.Console;
import io.kapture.shell.internal.testing.FakeBundleContext;
import io.kapture.shell.internal.testing.Failures;
import io.kapture.shell.internal.testing.FakeCaptureSession;
import io.kapture.shell.internal.testing.FakeProvider;

/** kapture:devices and kapture:formats against fake providers. */
class DeviceCommandsTest {

    private final FakeProvider synthetic = new FakeProvider("synthetic", "synthetic");
    private final FakeProvider v4l2 = new FakeProvider("v4l2", "/dev/");
    private final FakeCaptureSession front = new FakeCaptureSession("front", "/dev/video0");

    @BeforeEach
    void devices() {
        synthetic.add("synthetic", "Kapture synthetic camera").formats.add(new FormatDescription(
                PixelFormat.YUYV.fourcc(), "YUYV 4:2:2", List.of(new FrameSize(640, 480, List.of(30.0, 7.5)),
                        new FrameSize(1280, 720, List.of()))));
        v4l2.add("/dev/video0", "USB Camera").formats.add(new FormatDescription(
                PixelFormat.fourcc('Y', 'V', 'Y', 'U'), "YVYU 4:2:2", List.of(new FrameSize(320, 240, List.of(15.0)))));
    }

    @Test
    void devicesListsEveryProvidersDevices() throws Exception {
        DevicesCommand command = new DevicesCommand();
        command.context = new FakeBundleContext().withProviders(v4l2, synthetic).withSessions(front);
        try (Console console = Console.capture()) {
            command.execute();
            String[] lines = console.out().split("\\R");
            assertEquals(List.of("Device", "Type", "Driver", "Card", "Bus", "Capture", "Stable names"),
                cells(lines[0]), lines[0]);
            assertEquals(List.of("synthetic", "synthetic", "synthetic-driver", "Kapture synthetic camera",
                    "platform:synthetic", "yes", "-"),
                cells(row(lines, "synthetic")), console.out());
            assertTrue(row(lines, "/dev/video0").contains("| v4l2 "), console.out());
            assertEquals("", console.err());
        }
    }

    @Test
    void devicesReportsAFailingProviderAndListsTheOthers() throws Exception {
        v4l2.listFailure = new IllegalStateException("cannot read /sys/class/video4linux");
        DevicesCommand command = new DevicesCommand();
        command.context = new FakeBundleContext().withProviders(v4l2, synthetic);
        try (Console console = Console.capture()) {
            assertEquals("The v4l2 provider could not list its devices: cannot read /sys/class/video4linux",
                    Failures.message(command));
            assertTrue(console.out().contains("Kapture synthetic camera"), console.out());
            assertFalse(console.out().contains("/dev/video0"), console.out());
        }
    }

    @Test
    void formatsListsSizesAndRatesAndLeavesNothingOpen() throws Exception {
        FormatsCommand command = formats("synthetic");
        try (Console console = Console.capture()) {
            command.execute();
            String[] lines = console.out().split("\\R");
            assertEquals(List.of("Fourcc", "Kapture", "Description", "Size", "Frame rates (fps)"),
                cells(lines[0]), lines[0]);
            assertEquals(List.of("YUYV", "YUYV", "YUYV 4:2:2", "640x480", "30, 7.5"),
                cells(lines[2]), lines[2]);
            assertEquals(List.of("YUYV", "YUYV", "YUYV 4:2:2", "1280x720", "-"),
                cells(lines[3]), lines[3]);
            assertEquals("", console.err());
        }
        assertTrue(synthetic.allClosed());
    }

    @Test
    void formatsAcceptsACameraNameAndMarksFormatsKaptureCannotTake() throws Exception {
        FormatsCommand command = formats("front");
        try (Console console = Console.capture()) {
            command.execute();
            assertEquals(List.of("YVYU", "-", "YVYU 4:2:2", "320x240", "15"),
                cells(console.out().split("\\R")[2]), console.out());
        }
        assertTrue(v4l2.allClosed());
    }

    @Test
    void formatsOfADeviceNoProviderHandlesIsOneLine() throws Exception {
        FormatsCommand command = formats("rtsp://camera");
        try (Console console = Console.capture()) {
            assertEquals("No capture source provider handles device 'rtsp://camera'. Installed providers: synthetic, "
                    + "v4l2. Cameras: front", Failures.message(command));
            assertEquals("", console.out());
        }
    }

    @Test
    void formatsOfADeviceACameraCapturesFromAreListedWithoutOpeningIt() throws Exception {
        front.state = SessionState.RUNNING;
        try (Console console = Console.capture()) {
            formats("front").execute();
            assertEquals(List.of("YVYU", "-", "YVYU 4:2:2", "320x240", "15"),
                cells(console.out().split("\\R")[2]), console.out());
        }
        assertEquals(List.of(), v4l2.opened, "listing formats takes no source from the running camera");
    }

    @Test
    void formatsOfABusyDeviceNamesTheCameraUsingItAndSaysStopOnce() throws Exception {
        front.state = SessionState.RUNNING;
        v4l2.openFailure = new DeviceBusyException("VIDIOC_REQBUFS failed with EBUSY; the device is in use by "
                + "another stream (this or another process): stop that one first");
        FormatsCommand command = formats("/dev/video0");
        try (Console console = Console.capture()) {
            assertEquals("Device /dev/video0 is busy: camera front is configured for it; stop it first with "
                    + "kapture:stop front", Failures.message(command));
        }
    }

    private FormatsCommand formats(String device) {
        FormatsCommand command = new FormatsCommand();
        command.device = device;
        command.context = new FakeBundleContext().withProviders(synthetic, v4l2).withSessions(front);
        return command;
    }
}
