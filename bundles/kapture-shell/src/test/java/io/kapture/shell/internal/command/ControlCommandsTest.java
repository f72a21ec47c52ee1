package io.kapture.shell.internal.command;

import static io.kapture.shell.internal.command.CamerasCommandTest.row;
import static io.kapture.shell.internal.testing.Tables.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.SessionState;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.ControlInfo.Type;
import io.kapture.shell.internal.testing.Console;
import io.kapture.shell.internal.testing.FakeBundleContext;
import io.kapture.shell.internal.testing.Failures;
import io.kapture.shell.internal.testing.FakeCaptureSession;
import io.kapture.shell.internal.testing.FakeProvider;
import io.kapture.shell.internal.testing.FakeSource;

/**
 * kapture:controls and kapture:control against a fake device: opened for the call, or reached through the
 * session of the camera that runs on it.
 */
class ControlCommandsTest {

    private final FakeProvider v4l2 = new FakeProvider("v4l2", "/dev/");
    private final FakeCaptureSession front = new FakeCaptureSession("front", "/dev/video0");
    private FakeSource source;

    @BeforeEach
    void device() {
        source = v4l2.add("/dev/video0", "USB Camera")
                .control(new ControlInfo("brightness", Type.INTEGER, 0, 255, 1, 128, 100, Map.of()))
                .control(new ControlInfo("power_line_frequency", Type.MENU, 0, 2, 1, 1, 1,
                        Map.of(0L, "Disabled", 1L, "50 Hz", 2L, "60 Hz")))
                .control(new ControlInfo("white_balance_automatic", Type.BOOLEAN, 0, 1, 1, 1, 1, Map.of()));
    }

    @Test
    void controlsListsValuesRangesAndMenus() throws Exception {
        ControlsCommand command = new ControlsCommand();
        command.device = "front";
        command.context = new FakeBundleContext().withProviders(v4l2).withSessions(front);
        try (Console console = Console.capture()) {
            command.execute();
            String[] lines = console.out().split("\\R");
            assertEquals(List.of("Control", "Type", "Value", "Default", "Min", "Max", "Step", "Menu"),
                cells(lines[0]), lines[0]);
            assertEquals(List.of("brightness", "integer", "100", "128", "0", "255", "1", "-"),
                cells(row(lines, "brightness")), console.out());
            assertTrue(row(lines, "power_line_frequency").endsWith("0=Disabled, 1=50 Hz, 2=60 Hz"), console.out());
        }
        assertTrue(v4l2.allClosed());
    }

    @Test
    void controlShowsOneValue() throws Exception {
        try (Console console = Console.capture()) {
            control("/dev/video0", "power_line_frequency", null).execute();
            assertEquals("power_line_frequency = 1 (50 Hz)", console.out().trim());
        }
        assertTrue(v4l2.allClosed());
    }

    @Test
    void controlSetsANumberAndReportsTheClampedResult() throws Exception {
        try (Console console = Console.capture()) {
            control("front", "brightness", "300").execute();
            assertEquals("brightness = 255 (was 100)", console.out().trim());
        }
        assertEquals(255, source.control("brightness"));
        assertTrue(v4l2.allClosed());
    }

    @Test
    void controlTakesMenuLabelsAndBooleanWords() throws Exception {
        try (Console console = Console.capture()) {
            control("front", "power_line_frequency", "60 hz").execute();
            control("front", "white_balance_automatic", "off").execute();
            assertEquals("power_line_frequency = 2 (60 Hz) (was 1 (50 Hz))" + System.lineSeparator()
                    + "white_balance_automatic = 0 (was 1)" + System.lineSeparator(), console.out());
            assertEquals("", console.err());
        }
    }

    @Test
    void badValueSaysWhatTheControlTakes() throws Exception {
        try (Console console = Console.capture()) {
            assertEquals("Value 'bright' does not fit control brightness: it takes a whole number from 0 to 255",
                    Failures.message(control("front", "brightness", "bright")));
            String menu = Failures.message(control("front", "power_line_frequency", "70 Hz"));
            assertTrue(menu.contains("it takes one of 0=Disabled, 1=50 Hz, 2=60 Hz"), menu);
        }
        assertEquals(100, source.control("brightness"));
        assertTrue(v4l2.allClosed());
    }

    @Test
    void unknownControlListsTheDevicesControls() throws Exception {
        try (Console console = Console.capture()) {
            assertEquals("No control 'zoom' on /dev/video0. Controls: brightness, power_line_frequency, "
                    + "white_balance_automatic", Failures.message(control("front", "zoom", null)));
            assertEquals("", console.out());
        }
        assertTrue(v4l2.allClosed());
    }

    @Test
    void aRunningCamerasControlsAreReadAndSetThroughItsSessionWithoutOpeningTheDevice() throws Exception {
        front.state = SessionState.RUNNING;
        front.openSource = source;
        ControlsCommand list = new ControlsCommand();
        list.device = "front";
        list.context = new FakeBundleContext().withProviders(v4l2).withSessions(front);
        try (Console console = Console.capture()) {
            list.execute();
            control("front", "brightness", "200").execute();
            control("front", "brightness", null).execute();
            String[] lines = console.out().split("\\R");
            assertEquals(List.of("brightness", "integer", "100", "128", "0", "255", "1", "-"),
                    cells(row(lines, "brightness")), console.out());
            assertTrue(console.out().contains("brightness = 200 (was 100)" + System.lineSeparator()
                    + "brightness = 200" + System.lineSeparator()), console.out());
            assertEquals("", console.err());
        }
        assertEquals(200, source.control("brightness"));
        assertTrue(front.controlCalls.get() > 0);
        assertEquals(List.of(), v4l2.opened, "the running camera's device is not opened again");
    }

    @Test
    void aDeviceNameStillOpensTheDeviceWhileItsCameraRuns() throws Exception {
        front.state = SessionState.RUNNING;
        front.openSource = source;
        try (Console console = Console.capture()) {
            control("/dev/video0", "brightness", "7").execute();
            assertEquals("brightness = 7 (was 100)", console.out().trim());
        }
        assertEquals(0, front.controlCalls.get());
        assertEquals(1, v4l2.opened.size());
        assertTrue(v4l2.allClosed());
    }

    @Test
    void aCameraThatDoesNotRunHasItsDeviceOpened() throws Exception {
        front.state = SessionState.STOPPED;
        try (Console console = Console.capture()) {
            control("front", "brightness", "9").execute();
            assertEquals("brightness = 9 (was 100)", console.out().trim());
        }
        assertEquals(0, front.controlCalls.get());
        assertEquals(1, v4l2.opened.size());
        assertTrue(v4l2.allClosed());
    }

    @Test
    void aCameraStoppingUnderneathIsOneLine() throws Exception {
        front.state = SessionState.RUNNING;
        try (Console console = Console.capture()) {
            assertEquals("camera front stopped", Failures.message(control("front", "brightness", "9")));
            assertEquals("", console.out());
        }
        assertEquals(List.of(), v4l2.opened);
    }

    private ControlCommand control(String device, String name, String value) {
        ControlCommand command = new ControlCommand();
        command.device = device;
        command.control = name;
        command.value = value;
        command.context = new FakeBundleContext().withProviders(v4l2).withSessions(front);
        return command;
    }
}
