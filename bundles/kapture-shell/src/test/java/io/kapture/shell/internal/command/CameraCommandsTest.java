package io.kapture.shell.internal.command;

import static io.kapture.shell.internal.command.CamerasCommandTest.row;
import static io.kapture.shell.internal.testing.Tables.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.api.DeviceBusyException;
import io.kapture.api.SessionState;
import io.kapture.shell.internal.testing.Console;
import io.kapture.shell.internal.testing.FakeBundleContext;
import io.kapture.shell.internal.testing.Failures;
import io.kapture.shell.internal.testing.FakeCaptureSession;
import io.kapture.shell.internal.testing.Stats;

/** kapture:start, kapture:stop and kapture:listeners. */
class CameraCommandsTest {

    private final FakeCaptureSession cam0 = new FakeCaptureSession("cam0", "synthetic");
    private final FakeCaptureSession cam1 = new FakeCaptureSession("cam1", "synthetic:two");

    @Test
    void startStartsTheNamedCamera() throws Exception {
        try (Console console = Console.capture()) {
            start("cam1").execute();
            assertEquals("Camera cam1 started (state RUNNING)", console.out().trim());
        }
        assertEquals(1, cam1.starts.get());
        assertEquals(0, cam0.starts.get());
    }

    @Test
    void startReportsACameraThatWaitsWithItsReason() throws Exception {
        cam0.stateAfterStart = SessionState.WAITING;
        cam0.lastError = "no provider handles synthetic yet";
        try (Console console = Console.capture()) {
            assertEquals("Camera cam0 did not start (WAITING): no provider handles synthetic yet",
                    Failures.message(start("cam0")));
            assertEquals("", console.out());
        }
    }

    @Test
    void startOfABusyDeviceIsOneLine() throws Exception {
        cam0.startFailure = new DeviceBusyException("/dev/video0 is in use by another process");
        try (Console console = Console.capture()) {
            assertEquals("/dev/video0 is in use by another process", Failures.message(start("cam0")));
            assertEquals("", console.err());
        }
    }

    @Test
    void unknownCameraNamesTheConfiguredOnes() throws Exception {
        try (Console console = Console.capture()) {
            assertEquals("No camera 'x'. Cameras: cam0, cam1", Failures.message(start("x")));
            assertEquals("No camera 'x'. Cameras: cam0, cam1", Failures.message(stop("x")));
            assertEquals("", console.err());
        }
        assertEquals(0, cam0.starts.get() + cam1.starts.get() + cam0.stops.get() + cam1.stops.get());
    }

    @Test
    void aCameraConfiguredAfterTheCommandWasMadeIsFound() throws Exception {
        FakeBundleContext context = new FakeBundleContext().withSessions(cam0);
        StartCommand command = start("late");
        command.context = context;
        FakeCaptureSession late = new FakeCaptureSession("late", "synthetic");

        context.withSessions(late);
        try (Console console = Console.capture()) {
            command.execute();
            assertEquals("Camera late started (state RUNNING)", console.out().trim());
        }

        assertEquals(1, late.starts.get());
        assertEquals(0, context.servicesInUse(), "every session got is given back");
    }

    @Test
    void stopStopsTheNamedCamera() throws Exception {
        cam0.state = SessionState.RUNNING;
        try (Console console = Console.capture()) {
            stop("cam0").execute();
            assertEquals("Camera cam0 stopped (state STOPPED)", console.out().trim());
        }
        assertEquals(1, cam0.stops.get());
        assertEquals(0, cam1.stops.get());
    }

    @Test
    void listenersListsEverySubscriptionOfEveryCamera() throws Exception {
        cam0.stats = Stats.camera(List.of(Stats.listener("recorder", 900, 40, 1, 2, 3),
                Stats.listener("detector", 700, 240, 1, 2, 3)), Optional.empty());
        ListenersCommand command = new ListenersCommand();
        command.context = new FakeBundleContext().withSessions(cam1, cam0);
        try (Console console = Console.capture()) {
            command.execute();
            String[] lines = console.out().split("\\R");
            assertEquals(List.of("Camera", "Listener", "Bundle", "Filter", "Queue", "Policy", "Delivered",
                    "Dropped", "Errors"),
                cells(lines[0]), lines[0]);
            assertEquals(4, lines.length, console.out());
            assertEquals(List.of("cam0", "recorder", "org.example.recorder", "cam0", "2/8", "DROP_OLDEST",
                    "900", "40 (queue full 39, discarded at stop 1)", "1"),
                cells(lines[2]), lines[2]);
            assertTrue(row(lines, "cam0").contains("recorder"), console.out());
            assertEquals(List.of("cam0", "detector", "org.example.detector", "cam0", "2/8", "DROP_OLDEST", "700",
                    "240 (queue full 239, discarded at stop 1)", "1"), cells(lines[3]), lines[3]);
        }
    }

    @Test
    void listenersSaysWhenThereAreNone() throws Exception {
        ListenersCommand command = new ListenersCommand();
        command.context = new FakeBundleContext().withSessions(cam0);
        try (Console console = Console.capture()) {
            command.execute();
            assertTrue(console.out().contains("No frame listeners are subscribed."), console.out());
        }
    }

    private StartCommand start(String camera) {
        StartCommand command = new StartCommand();
        command.camera = camera;
        command.context = new FakeBundleContext().withSessions(cam0, cam1);
        return command;
    }

    private StopCommand stop(String camera) {
        StopCommand command = new StopCommand();
        command.camera = camera;
        command.context = new FakeBundleContext().withSessions(cam0, cam1);
        return command;
    }
}
