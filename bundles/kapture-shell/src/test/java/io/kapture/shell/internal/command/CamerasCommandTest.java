package io.kapture.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.shell.internal.testing.Console;
import io.kapture.shell.internal.testing.FakeCaptureSession;
import io.kapture.shell.internal.testing.Stats;

class CamerasCommandTest {

    @Test
    void listsEveryCameraWithItsFiguresAndLastError() throws Exception {
        FakeCaptureSession running = new FakeCaptureSession("cam0", "synthetic");
        running.state = SessionState.RUNNING;
        running.format = FrameFormat.of(640, 480, PixelFormat.YUYV);
        running.stats = Stats.camera(List.of(Stats.listener("recorder", 900, 40, 1, 2, 3)), Optional.empty());
        FakeCaptureSession waiting = new FakeCaptureSession("back", "/dev/video7");
        waiting.state = SessionState.WAITING;
        waiting.configuredFps = 0;
        waiting.delivery = "zerocopy";
        waiting.lastError = "no capture source provider handles /dev/video7; install kapture-v4l2";

        CamerasCommand command = new CamerasCommand();
        command.sessions = List.of(running, waiting);
        String out;
        try (Console console = Console.capture()) {
            command.execute();
            out = console.out();
            assertEquals("", console.err());
        }

        String[] lines = out.split("\\R");
        assertTrue(lines[0].matches("Camera\\s+\\|\\s+Device\\s+\\|\\s+Format\\s+\\|\\s+FPS set/measured\\s+\\|\\s+"
                + "Delivery\\s+\\|\\s+State\\s+\\|\\s+Frames\\s+\\|\\s+Drops"), lines[0]);
        String back = row(lines, "back");
        String cam0 = row(lines, "cam0");
        assertTrue(lines[2].startsWith("back"), "sorted by name: " + out);
        assertTrue(cam0.matches("cam0\\s+\\|\\s+synthetic\\s+\\|\\s+640x480 YUYV\\s+\\|\\s+30 / 29.9\\s+\\|\\s+pool\\s+"
                + "\\|\\s+RUNNING\\s+\\|\\s+1000\\s+\\|\\s+51"), cam0);
        assertTrue(back.matches("back\\s+\\|\\s+/dev/video7\\s+\\|\\s+-\\s+\\|\\s+max / 0.0\\s+\\|\\s+zerocopy\\s+"
                + "\\|\\s+WAITING\\s+\\|\\s+0\\s+\\|\\s+0"), back);
        assertTrue(out.contains("Last error of back: no capture source provider handles /dev/video7; install kapture-v4l2"),
                out);
        assertTrue(!out.contains("Last error of cam0"), out);
    }

    @Test
    void saysHowToConfigureWhenThereAreNoCameras() throws Exception {
        CamerasCommand command = new CamerasCommand();
        command.sessions = List.of();
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
