package io.kapture.shell.internal.command;

import static io.kapture.shell.internal.testing.Tables.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.shell.internal.testing.Console;
import io.kapture.shell.internal.testing.FakeBundleContext;
import io.kapture.shell.internal.testing.FakeCaptureSession;
import io.kapture.shell.internal.testing.Stats;

class CamerasCommandTest {

    @Test
    void listsEveryCameraWithItsFiguresAdjustmentsAndLastError() throws Exception {
        FakeCaptureSession running = new FakeCaptureSession("cam0", "synthetic");
        running.state = SessionState.RUNNING;
        running.format = FrameFormat.of(640, 480, PixelFormat.YUYV);
        running.stats = Stats.camera(List.of(Stats.listener("recorder", 900, 40, 1, 2, 3)), Optional.empty());
        running.adjustments = List.of("width 641 is not offered; using 640", "30 fps is not offered; using 25");
        FakeCaptureSession waiting = new FakeCaptureSession("back", "/dev/video7");
        waiting.state = SessionState.WAITING;
        waiting.configuredFps = 0;
        waiting.delivery = "zerocopy";
        waiting.lastError = "no capture source provider handles /dev/video7; install kapture-v4l2";

        CamerasCommand command = new CamerasCommand();
        command.context = new FakeBundleContext().withSessions(running, waiting);
        String out;
        try (Console console = Console.capture()) {
            command.execute();
            out = console.out();
            assertEquals("", console.err());
        }

        String[] lines = out.split("\\R");
        assertEquals(List.of("Camera", "Device", "Format", "FPS set/measured", "Delivery", "State", "Frames", "Drops",
                "Restarts"), cells(lines[0]), lines[0]);
        String back = row(lines, "back");
        String cam0 = row(lines, "cam0");
        assertTrue(lines[2].startsWith("back"), "sorted by name: " + out);
        assertEquals(List.of("cam0", "synthetic", "640x480 YUYV", "30 / 29.9", "pool", "RUNNING", "1000", "51", "2"),
                cells(cam0), cam0);
        assertEquals(List.of("back", "/dev/video7", "-", "max / 0.0", "zerocopy", "WAITING", "0", "0", "0"),
                cells(back), back);
        assertTrue(out.contains("Adjusted cam0: width 641 is not offered; using 640" + System.lineSeparator()
                + "Adjusted cam0: 30 fps is not offered; using 25"), out);
        assertFalse(out.contains("Adjusted back"), out);
        assertTrue(out.contains(
                "Last error of back: no capture source provider handles /dev/video7; install kapture-v4l2"), out);
        assertFalse(out.contains("Last error of cam0"), out);
    }

    @Test
    void showsWhatTheEngineDeliversWithInsteadOfTheConfiguredStrategyAndWhy() throws Exception {
        FakeCaptureSession loopback = new FakeCaptureSession("loopback", "/dev/video20");
        loopback.state = SessionState.RUNNING;
        loopback.delivery = "zerocopy";
        loopback.effectiveDelivery = "pool";
        loopback.deliveryFallback = "delivering with pool instead of zerocopy: /dev/video20 is a v4l2loopback device";

        CamerasCommand command = new CamerasCommand();
        command.context = new FakeBundleContext().withSessions(loopback);
        String out;
        try (Console console = Console.capture()) {
            command.execute();
            out = console.out();
        }

        assertEquals("pool (configured zerocopy)", cells(row(out.split("\\R"), "loopback")).get(4), out);
        assertTrue(out.contains("Delivery of loopback: delivering with pool instead of zerocopy: /dev/video20 is a "
                + "v4l2loopback device"), out);
        assertFalse(out.contains("Last error of loopback"), out);
    }

    @Test
    void saysHowToConfigureWhenThereAreNoCameras() throws Exception {
        CamerasCommand command = new CamerasCommand();
        command.context = new FakeBundleContext();
        try (Console console = Console.capture()) {
            command.execute();
            assertTrue(console.out().contains("No cameras configured"), console.out());
            assertTrue(console.out().contains("etc/io.kapture.camera-<name>.cfg"), console.out());
        }
    }

    static String row(String[] lines, String first) {
        for (String line : lines) {
            if (line.startsWith(first + " ")) {
                return line.trim();
            }
        }
        throw new AssertionError("no row for " + first + " in:\n" + String.join("\n", lines));
    }
}
