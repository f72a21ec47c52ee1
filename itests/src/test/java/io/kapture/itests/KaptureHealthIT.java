package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.kapture.api.DropPolicy;
import io.kapture.api.SessionState;

/**
 * {@code /kapture/health} and {@code kapture:health} against the distribution: healthy with its synthetic camera,
 * and 503 naming the right check for each injected fault: a device lost for good (synthetic fault
 * {@code lost.after}), a camera that delivers nothing (synthetic {@code jitter.ms} far beyond the stall time),
 * frames flagged corrupted (synthetic {@code corrupt.every}), a camera slowed by a listener that holds up its
 * capture thread, a listener that cannot keep up, and storage below its free share. After each, the node is
 * healthy again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureHealthIT extends KaptureTestSupport {

    private static final String HEALTH_PID = "io.kapture.health";

    @Inject
    private SessionFactory sessionFactory;

    private org.osgi.service.cm.Configuration camera;
    private String cameraName;

    @Before
    public void healthyToBeginWith() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        awaitHealthy();
    }

    @After
    public void removeTestCamera() throws IOException {
        removeCamera(camera, cameraName);
        camera = null;
    }

    @Test
    public void healthyAnswers200AndTheCommandSucceeds() throws Exception {
        PreviewHttp.Response response = health();
        assertEquals(response.toString(), 200, response.status());
        assertTrue(response.text(), response.text().startsWith("{\"status\":\"UP\""));
        ShellOutput output = ShellOutput.of("kapture:health").run(sessionFactory);
        assertTrue(output.toString(), output.out().startsWith("UP: "));
    }

    @Test
    public void aLostDeviceFailsItsCamera() throws Exception {
        addCamera("health-lost", Map.of("synthetic.fault.lost.after", 10,
                "synthetic.fault.return.after.ms", 600_000));
        String body = awaitProblem("camera-state", "health-lost");
        assertTrue(body, body.contains("camera is FAILED"));
        try {
            ShellOutput.of("kapture:health").run(sessionFactory);
            fail("kapture:health must fail while a camera fails");
        } catch (Exception expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("camera-state health-lost"));
        }
    }

    @Test
    public void aCameraDeliveringNothingIsStalled() throws Exception {
        // frames due up to 60 s late: after the first (if any) nothing comes for most of a minute
        addCamera("health-stalled", Map.of("synthetic.fault.jitter.ms", 60_000, "stall.timeout.ms", 0));
        awaitProblem("camera-stalled", "health-stalled");
    }

    @Test
    public void corruptedFramesFailTheirCamera() throws Exception {
        addCamera("health-corrupt", Map.of("synthetic.fault.corrupt.every", 5));
        String body = awaitProblem("camera-corrupt", "health-corrupt");
        assertTrue(body, body.contains("corrupted within the 60 s window"));
    }

    @Test
    public void aCameraHeldUpByItsListenerIsFarBelowItsRate() throws Exception {
        addCamera("health-slow", Map.of());
        try (StuckListener stuck = StuckListener.register(context, "health-slow", "health-blocking",
                DropPolicy.BLOCK, 200)) {
            String body = awaitProblem("camera-fps", "health-slow");
            assertTrue(body, body.contains("of the configured 30.0 fps"));
        }
    }

    @Test
    public void aListenerThatCannotKeepUpFails() throws Exception {
        try (StuckListener stuck = StuckListener.register(context, SYNTHETIC_CAMERA, "health-stuck",
                DropPolicy.DROP_OLDEST, 0)) {
            String body = awaitProblem("listener-drops", SYNTHETIC_CAMERA + "/health-stuck");
            assertTrue(body, body.contains("queue full"));
        }
        awaitHealthy();
    }

    @Test
    public void storageBelowItsFreeShareFails() throws Exception {
        org.osgi.service.cm.Configuration tolerances = configurationAdmin.getConfiguration(HEALTH_PID, "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("storage.min.free.percent", 100.0);
        tolerances.update(properties);
        try {
            String body = awaitProblem("storage-free", null);
            assertTrue(body, body.contains("below the 100.0 % of storage.min.free.percent"));
        } finally {
            tolerances.delete();
        }
        awaitHealthy();
    }

    private void addCamera(String name, Map<String, Object> faults) throws IOException {
        Map<String, Object> properties = new HashMap<>(Map.of("device", "synthetic:" + name,
                "width", 320, "height", 240, "fps", 30.0));
        properties.putAll(faults);
        cameraName = name;
        camera = configureCamera(name, properties);
    }

    private PreviewHttp.Response health() throws IOException {
        return PreviewHttp.get(configuredPort("org.ops4j.pax.web", "org.osgi.service.http.port"), "/kapture/health");
    }

    private void awaitHealthy() {
        await("health UP").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> health().status() == 200);
    }

    /** Waits for a 503 naming the check (and subject, unless null); returns the body. */
    private String awaitProblem(String check, String subject) {
        String wanted = "{\"check\":\"" + check + "\"" + (subject == null ? "" : ",\"subject\":\"" + subject + "\"");
        return await("health DOWN with " + wanted).atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    PreviewHttp.Response response = health();
                    return response.status() == 503 ? response.text() : "";
                }, body -> body.contains(wanted));
    }
}
