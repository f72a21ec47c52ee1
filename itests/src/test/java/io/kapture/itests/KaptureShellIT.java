package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;

import io.kapture.api.CaptureSession;
import io.kapture.api.DropPolicy;
import io.kapture.api.SessionState;

/**
 * Every {@code kapture:*} console command, run through Karaf's SessionFactory as a user would type it, with its
 * output checked against what the services say. Commands that change a camera work on a camera of the test's own,
 * so the distribution's synthetic camera stays as configured.
 *
 * <p>Threading contract: see {@link KaptureTestSupport}; the {@code --follow} test runs its command on a second
 * thread and ends it with an interrupt, as Ctrl-C does.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureShellIT extends KaptureTestSupport {

    private static final Set<String> COMMANDS = Set.of("cameras", "devices", "formats", "controls", "control",
            "start", "stop", "strategy", "stats", "listeners", "snapshot", "health", "recordings", "trigger");

    @Inject
    private SessionFactory sessionFactory;

    /**
     * Karaf registers a bundle's commands asynchronously once it starts: wait for all of kapture-shell's. Other
     * bundles add commands to the same scope (kapture:mqtt), so the shell's must be among them, not all of them.
     */
    @Before
    public void awaitCommands() {
        await("kapture:* commands registered").atMost(TIMEOUT).untilAsserted(() -> {
            Set<String> registered = sessionFactory.getRegistry().getCommands().stream()
                    .filter(command -> "kapture".equals(command.getScope()))
                    .map(Command::getName)
                    .collect(Collectors.toSet());
            assertTrue("kapture-shell's commands " + COMMANDS + " among " + registered,
                    registered.containsAll(COMMANDS));
        });
    }

    @Test
    public void camerasListsTheRunningSyntheticCamera() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        ShellOutput output = run("kapture:cameras");
        assertContains(output, SYNTHETIC_CAMERA, "640x480 YUYV", "pool", "RUNNING");
    }

    @Test
    public void devicesListsTheSyntheticDevice() throws Exception {
        assertContains(run("kapture:devices"), "synthetic");
    }

    @Test
    public void formatsListsWhatTheSyntheticDeviceOffers() throws Exception {
        assertContains(run("kapture:formats synthetic"), "YUYV", "640");
    }

    @Test
    public void controlsAndControlReadAndSetABrightness() throws Exception {
        assertContains(run("kapture:controls synthetic"), "brightness");
        assertContains(run("kapture:control synthetic brightness 100"), "brightness = 100");
        assertContains(run("kapture:control synthetic brightness"), "brightness = 100");
    }

    @Test
    public void stopAndStartChangeTheCameraState() throws Exception {
        String camera = "stopcam";
        Configuration configuration = configureCamera(camera, camera());
        try {
            awaitSession(camera, SessionState.RUNNING);
            awaitCommandsSee(camera);
            assertContains(run("kapture:stop " + camera), "Camera " + camera + " stopped");
            assertEquals(SessionState.STOPPED, session(camera).map(CaptureSession::state).orElse(null));

            assertContains(run("kapture:start " + camera), "Camera " + camera + " started");
            awaitSession(camera, SessionState.RUNNING);
        } finally {
            removeCamera(configuration, camera);
        }
    }

    @Test
    public void strategyShowsAndSwitchesTheDelivery() throws Exception {
        String camera = "strategycam";
        Configuration configuration = configureCamera(camera, camera());
        try {
            awaitSession(camera, SessionState.RUNNING);
            awaitCommandsSee(camera);
            assertContains(run("kapture:strategy " + camera), camera + " delivers with pool", "copy", "zerocopy");

            assertContains(run("kapture:strategy " + camera + " copy"), "pool -> copy");
            await("delivery copy").atMost(TIMEOUT)
                    .until(() -> session(camera).map(CaptureSession::delivery).orElse(""), "copy"::equals);
            assertEquals("copy", configurationAdmin.getConfiguration(configuration.getPid(), "?").getProperties()
                    .get("delivery"));
        } finally {
            removeCamera(configuration, camera);
        }
    }

    @Test
    public void statsShowsTheCameraAndProcessorFigures() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        assertContains(run("kapture:stats " + SYNTHETIC_CAMERA), SYNTHETIC_CAMERA, "processor-stats");
    }

    @Test
    public void statsPicksUpProcessorStatsInstalledAfterTheShellWithoutARefresh() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        HotDeployment stats = HotDeployment.take(this, "io.kapture.kapture-processor-stats");
        try {
            await("the shell back after the refresh").atMost(TIMEOUT)
                    .until(() -> run("kapture:stats " + SYNTHETIC_CAMERA).out().contains(SYNTHETIC_CAMERA));
            assertFalse(run("kapture:stats " + SYNTHETIC_CAMERA).out().contains("processor-stats"));

            stats.install();

            await("processor-stats' figures in kapture:stats, no bundle:refresh").atMost(TIMEOUT)
                    .until(() -> run("kapture:stats " + SYNTHETIC_CAMERA).out().contains("Jitter mean"));
        } finally {
            stats.restore();
        }
    }

    @Test
    public void statsFollowRedrawsUntilInterrupted() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        ShellOutput follow = ShellOutput.of("kapture:stats --follow --interval 0.2 " + SYNTHETIC_CAMERA);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<ShellOutput> running = thread.submit(() -> follow.run(sessionFactory));
            await("three redraws").atMost(TIMEOUT)
                    .until(() -> occurrences(follow.out(), "Every 0.2 s"), count -> count >= 3);
            running.cancel(true);
            await("the command to end").atMost(TIMEOUT).until(running::isDone);
            assertContains(follow, SYNTHETIC_CAMERA);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    public void listenersShowsTheProcessorsAndATestListener() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        try (RecordingListener listener =
                RecordingListener.register(context, SYNTHETIC_CAMERA, DropPolicy.DROP_NEWEST, 3)) {
            await("frames for the listener").atMost(TIMEOUT).until(listener::count, count -> count > 0);
            assertContains(run("kapture:listeners"), "itest-" + SYNTHETIC_CAMERA, "DROP_NEWEST", "stats",
                    "io.kapture.kapture-processor-stats");
        }
    }

    @Test
    public void snapshotWritesAnImageOfTheNextFrame() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        Path image = Files.createTempFile("kapture-snapshot-", ".png");
        try {
            Files.delete(image);
            assertContains(run("kapture:snapshot " + SYNTHETIC_CAMERA + " " + image), "Wrote " + image);
            byte[] header = Arrays.copyOf(Files.readAllBytes(image), 8);
            assertArrayEquals("PNG signature", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                    header);
        } finally {
            Files.deleteIfExists(image);
        }
    }

    @Test
    public void anUnknownCameraFailsTheCommandWithOneLine() {
        Exception failure = assertThrows(Exception.class, () -> run("kapture:start nosuchcamera"));
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("No camera 'nosuchcamera'. Cameras: "));
        assertEquals(failure.getMessage(), 1, failure.getMessage().lines().count());
    }

    /**
     * Karaf hands a command the services registered when the command instance is made, and refreshes its
     * commands as services come and go: wait until a new camera shows in {@code kapture:cameras}.
     */
    private void awaitCommandsSee(String camera) {
        await("kapture:cameras listing " + camera).atMost(TIMEOUT)
                .until(() -> run("kapture:cameras").out().lines().anyMatch(line -> line.startsWith(camera + " ")));
    }

    private ShellOutput run(String command) throws Exception {
        return ShellOutput.of(command).run(sessionFactory);
    }

    private static void assertContains(ShellOutput output, String... expected) {
        for (String text : expected) {
            assertTrue("expected '" + text + "' in the output of " + output, output.out().contains(text));
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static Map<String, Object> camera() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("device", "synthetic");
        properties.put("width", 320);
        properties.put("height", 240);
        properties.put("fps", 30.0);
        properties.put("delivery", "pool");
        return properties;
    }
}
