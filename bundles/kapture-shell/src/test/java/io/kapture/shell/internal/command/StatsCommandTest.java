package io.kapture.shell.internal.command;

import static io.kapture.shell.internal.command.CamerasCommandTest.row;
import static io.kapture.shell.internal.testing.Tables.cells;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.CaptureStats;
import io.kapture.api.FramePoolStats;
import io.kapture.api.ListenerPlacement;
import io.kapture.api.SessionState;
import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionStatistics;
import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.processor.snapshot.SnapshotStatistics;
import io.kapture.processor.stats.CameraMetrics;
import io.kapture.processor.stats.StreamMetrics;
import io.kapture.shell.internal.Figures;
import io.kapture.shell.internal.testing.Console;
import io.kapture.shell.internal.testing.FakeBundleContext;
import io.kapture.shell.internal.testing.Failures;
import io.kapture.shell.internal.testing.FakeCaptureSession;
import io.kapture.shell.internal.testing.FakeKarafSession;
import io.kapture.shell.internal.testing.Stats;

class StatsCommandTest {

    private final FakeBundleContext context = new FakeBundleContext();
    private final FakeCaptureSession cam0 = new FakeCaptureSession("cam0", "synthetic");
    private final FakeCaptureSession cam1 = new FakeCaptureSession("cam1", "synthetic:two");

    @BeforeEach
    void figures() {
        context.withSessions(cam1, cam0);
        cam0.state = SessionState.RUNNING;
        cam0.stats = Stats.camera(List.of(Stats.placed(Stats.listener("recorder", 900, 40, 1_500, 2_500_000,
                3_000_000_000L), ListenerPlacement.DEMOTED, "too slow"),
                Stats.placed(Stats.listener("idle", 0, 0, 0, 0, 0), ListenerPlacement.INLINE, "")), Optional.of(new FramePoolStats(1000, 990, 5, 10, 4096, 8192)));
    }

    @Test
    void showsCamerasLossesByCauseAndListenerLatencies() throws Exception {
        String[] lines;
        try (Console console = Console.capture()) {
            stats(null).execute();
            assertEquals("", console.err());
            lines = console.out().split("\\R");
        }
        assertEquals(List.of("Camera", "State", "Running since", "Restarts", "Delivery", "FPS", "Captured",
                "Delivered", "Driver buffers queued", "Pool hit rate"),
                cells(lines[0]), lines[0]);
        assertEquals(List.of("cam0", "RUNNING", Figures.dateTime(Stats.STARTED_AT_MILLIS), "2", "pool", "29.9",
                "1000", "900", "3/4", "99.5%"),
                cells(lines[2]), lines[2]);
        assertEquals(List.of("cam1", "CONFIGURED", "-", "0", "pool", "0.0", "0", "0", "0/0", "-"), cells(lines[3]),
                lines[3]);
        assertEquals(List.of("Camera", "Sequence gaps", "Sequence repeats", "Queue policy drops", "Fallback copies",
                "Reclaimed leases", "Corrupted"),
                cells(lines[5]), lines[5]);
        assertEquals(List.of("cam0", "11", "13", "40", "7", "5", "3"),
                cells(lines[7]), lines[7]);
        assertEquals(List.of("Camera", "Listener", "Policy", "Queued", "Delivered", "Dropped", "Errors",
                "Runs on", "Latency p50", "p99", "max"),
                cells(lines[10]), lines[10]);
        assertEquals(List.of("cam0", "recorder", "DROP_OLDEST", "2/8", "900",
                "40 (queue full 39, discarded at stop 1)", "1", "own thread (moved): too slow", "1.5 µs", "2.50 ms",
                "3.00 s"), cells(lines[12]), lines[12]);
        assertEquals(List.of("cam0", "idle", "DROP_OLDEST", "2/8", "0", "0", "1", "capture thread", "-", "-", "-"),
                cells(lines[13]), lines[13]);
        assertFalse(String.join("\n", lines).contains("processor-stats"));
        assertFalse(String.join("\n", lines).contains("motion:"), "no motion bundle, no motion lines");
    }

    @Test
    void aStoppedCameraShowsNoStartButKeepsItsRestarts() throws Exception {
        cam0.state = SessionState.STOPPED;
        String[] lines;
        try (Console console = Console.capture()) {
            stats("cam0").execute();
            lines = console.out().split("\\R");
        }
        assertEquals(List.of("cam0", "STOPPED", "-", "2"), cells(lines[2]).subList(0, 4), lines[2]);
    }

    @Test
    void oneCameraOnlyOrOneLineForAnUnknownOne() throws Exception {
        try (Console console = Console.capture()) {
            stats("cam1").execute();
            assertFalse(console.out().contains("cam0"), console.out());
            assertTrue(row(console.out().split("\\R"), "cam1").contains("CONFIGURED"), console.out());
            assertEquals("No camera 'nope'. Cameras: cam0, cam1", Failures.message(stats("nope")));
        }
    }

    @Test
    void showsProcessorStatsFiguresWhenThatServiceRuns() throws Exception {
        context.add(StreamMetrics.class, new FixedMetrics(List.of(
                new CameraMetrics("cam0", 29.97, 250, 1_800, 5000, 2, 3),
                new CameraMetrics("cam1", 15, 10, 20, 100, 0, 0))), Map.of());
        String out;
        try (Console console = Console.capture()) {
            stats("cam0").execute();
            out = console.out();
        }
        String[] section = out.substring(out.indexOf("processor-stats:")).split("\\R");
        assertEquals(List.of("Camera", "FPS", "Jitter mean", "Jitter max", "Frames", "Seq gaps", "Gap frames"),
                cells(section[1]), section[1]);
        assertEquals(List.of("cam0", "30.0", "250.0 µs", "1.80 ms", "5000", "2", "3"),
                cells(section[3]), section[3]);
        assertEquals(4, section.length, out);
    }

    @Test
    void showsALinePerMotionDetectorAndSnapshotScheduleOfTheCamera() throws Exception {
        MotionActivity moving = new MotionActivity("cam0", true, 5, 1_733_371_260_500L, 4, 97_500,
                List.of(1L, 2L, 3L, 3L, 4L), 12, "H264 frames are compressed");
        MotionActivity elsewhere = new MotionActivity("cam1", false, 0, 0, 0, 0, List.of(0L, 0L, 0L, 0L, 0L));
        SnapshotActivity failing = new SnapshotActivity("cam0", "snapshots", 60_000, 14, 700_000,
                1_733_371_200_000L, 2, Optional.of("IOException: Read-only file system"));
        context.add(MotionStatistics.class, (MotionStatistics) () -> List.of(moving, elsewhere), Map.of());
        context.add(SnapshotStatistics.class, (SnapshotStatistics) () -> List.of(failing), Map.of());
        String out;
        try (Console console = Console.capture()) {
            stats("cam0").execute();
            out = console.out();
        }
        assertTrue(out.endsWith("\nmotion:\n  " + moving.line() + "\n\nsnapshots:\n  " + failing.line() + "\n"),
                out);
        assertTrue(failing.line().contains("failing: IOException: Read-only file system"), failing.line());
        assertTrue(moving.line().endsWith("; 12 frames not analysed, the last: H264 frames are compressed"),
                moving.line());
        assertFalse(out.contains("cam1:"), out);
    }

    @Test
    void followRedrawsFreshFiguresUntilInterrupted() throws Exception {
        FakeKarafSession session = new FakeKarafSession(true);
        StatsCommand command = stats("cam0");
        command.follow = true;
        command.intervalSeconds = 0.01;
        command.session = session;
        AtomicReference<Object> result = new AtomicReference<>("not returned");
        Thread thread = new Thread(() -> {
            try {
                result.set(command.execute());
            } catch (Exception e) {
                result.set(e);
            }
        }, "stats-follow");
        thread.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> count(session.console(), "\u001b[H\u001b[2J") >= 2);
        cam0.stats = new CaptureStats(Stats.STARTED_AT_MILLIS, 0, 123_456, 0, 0, 0, 0, 30, 4, 4, List.of(),
                Optional.empty());
        await().atMost(Duration.ofSeconds(10)).until(() -> session.console().contains("123456"));
        thread.interrupt();
        thread.join(10_000);
        assertFalse(thread.isAlive());
        assertEquals(null, result.get());
        String console = session.console();
        assertTrue(console.contains("Every 0.01 s; Ctrl-C to stop."), console);
        assertEquals(count(console, "Every 0.01 s"), count(console, "\u001b[H\u001b[2J"));
        assertFalse(console.contains("cam1"), console);
    }

    @Test
    void followWithoutAnsiAppendsDrawings() throws Exception {
        FakeKarafSession session = new FakeKarafSession(false);
        StatsCommand command = stats(null);
        command.follow = true;
        command.intervalSeconds = 0.01;
        command.session = session;
        Thread thread = new Thread(() -> {
            try {
                command.execute();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "stats-follow");
        thread.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> count(session.console(), "Ctrl-C to stop.") >= 2);
        thread.interrupt();
        thread.join(10_000);
        assertFalse(thread.isAlive());
        assertFalse(session.console().contains("\u001b"), session.console());
    }

    @Test
    void followRefusesANonPositiveInterval() throws Exception {
        FakeKarafSession session = new FakeKarafSession(true);
        StatsCommand command = stats(null);
        command.follow = true;
        command.intervalSeconds = 0;
        command.session = session;
        try (Console console = Console.capture()) {
            assertEquals("--interval must be more than 0 seconds, was 0.0", Failures.message(command));
        }
        assertEquals("", session.console());
    }

    private StatsCommand stats(String camera) {
        StatsCommand command = new StatsCommand();
        command.camera = camera;
        command.context = context;
        return command;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private record FixedMetrics(List<CameraMetrics> cameras) implements StreamMetrics {
        @Override
        public Optional<CameraMetrics> camera(String name) {
            return cameras.stream().filter(camera -> camera.camera().equals(name)).findFirst();
        }
    }
}
