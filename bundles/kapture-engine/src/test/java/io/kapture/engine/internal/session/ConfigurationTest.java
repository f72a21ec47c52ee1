package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.DropPolicy;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.fakes.FakeSource;
import io.kapture.engine.internal.fakes.RecordingListener;

/**
 * Configuration changes: invalid ones are rejected with the field named and the last good one kept; stream keys
 * restart only the stream; delivery and queue defaults apply live; enabled, start and stop.
 */
class ConfigurationTest {

    private static final FrameFormat GOOD_FORMAT = FrameFormat.of(16, 4, PixelFormat.GREY);

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void assertRejected(String key, Object bad, Object good, String message) {
        fixture.configure(key, bad);
        assertEquals(message, fixture.session.lastError().orElseThrow());
        assertEquals(SessionState.RUNNING, fixture.session.state());
        assertEquals(GOOD_FORMAT, fixture.session.format().orElseThrow());
        fixture.configure(key, good);
        assertTrue(fixture.session.lastError().isEmpty(), "a good configuration clears the error");
    }

    @Test
    void invalidChangesAreRejectedNamingTheFieldAndTheLastGoodConfigurationStays() {
        fixture.running();

        assertRejected("width", -5, 16, "camera cam0: width must be between 1 and 16384, was -5");
        assertRejected("height", 0, 4, "camera cam0: height must be between 1 and 16384, was 0");
        assertRejected("pixel.format", "FOO", "GREY", "camera cam0: pixel.format 'FOO' unknown; supported: YUYV, "
                + "UYVY, NV12, YU12, NV21, YV12, NV16, RGB24, BGR24, GREY, MJPEG, H264");
        assertRejected("buffers", 1, 4, "camera cam0: buffers must be at least 2 (one being filled while another "
                + "is read), was 1");
        assertRejected("width", "abc", 16, "camera cam0: width must be a whole number, was 'abc'");
        assertRejected("drop.policy", "SOMETIMES", "DROP_OLDEST",
                "camera cam0: drop.policy 'SOMETIMES' unknown; use BLOCK, DROP_OLDEST or DROP_NEWEST");

        assertEquals(1, fixture.provider.openAttempts(), "neither a rejected nor a restored value restarts");
        RecordingListener listener = fixture.listen("after");
        fixture.source().produce(3);
        eventually(() -> listener.received() == 3);
    }

    @Test
    void anInvalidFirstConfigurationLeavesTheCameraFailedUntilFixed() {
        fixture.configure("buffers", 1, "pixel.format", "FOO");

        assertEquals(SessionState.FAILED, fixture.session.state());
        String error = fixture.session.lastError().orElseThrow();
        assertTrue(error.startsWith("camera cam0: "), error);
        assertTrue(error.contains("pixel.format 'FOO' unknown"), error);
        assertTrue(error.contains("buffers must be at least 2"), error);
        assertEquals("cam0", fixture.session.camera());
        assertEquals(0, fixture.provider.openAttempts());

        fixture.configure("buffers", 4, "pixel.format", "grey");

        fixture.awaitState(SessionState.RUNNING);
        assertTrue(fixture.session.lastError().isEmpty());
    }

    @Test
    void valuesGivenAsTextAreAccepted() {
        fixture.running("width", "32", "fps", "12.5", "buffers", "3", "enabled", "TRUE", "controls",
                "brightness=7");

        assertEquals(FrameFormat.of(32, 4, PixelFormat.GREY), fixture.session.format().orElseThrow());
        assertEquals(12.5, fixture.session.configuredFps());
        assertEquals(3, fixture.stats().bufferCount());
        assertEquals(7, fixture.source().control(FakeSource.BRIGHTNESS));
    }

    @Test
    void streamSettingsRestartOnlyTheStream() {
        RecordingListener listener = fixture.listen("recorder");
        fixture.running();
        FakeSource first = fixture.source();

        fixture.configure("width", 32);

        fixture.awaitState(SessionState.RUNNING);
        assertTrue(first.isClosed());
        assertEquals(2, fixture.provider.opened().size());
        assertEquals(FrameFormat.of(32, 4, PixelFormat.GREY), fixture.session.format().orElseThrow());
        fixture.source().produce(2);
        eventually(() -> listener.received() == 2);
        assertEquals(0, listener.badFrames());
    }

    @Test
    void liveSettingsChangeWithoutARestart() {
        fixture.running();

        fixture.configure("delivery", "zerocopy", "queue.capacity", 3, "drop.policy", "BLOCK", "retry.interval.ms",
                500L, "stall.timeout.ms", 60_000L);

        assertEquals(1, fixture.provider.openAttempts());
        assertEquals(SessionState.RUNNING, fixture.session.state());
        assertEquals("zerocopy", fixture.session.delivery());
    }

    @Test
    void newQueueDefaultsReachListenersThatUseThem() throws InterruptedException {
        fixture.configure("queue.capacity", 4, "drop.policy", "DROP_NEWEST");
        RecordingListener defaults = fixture.listen(new RecordingListener(SessionFixture.CAMERA)
                .blockingOnFirstFrame(), "defaults", FrameListener.DELIVERY_THREAD, true);
        RecordingListener own = fixture.listen("own", "kapture.queue.capacity", 16, "kapture.drop.policy", "BLOCK");
        fixture.running();
        fixture.source().produce(1);
        defaults.awaitBlocked();
        fixture.source().produce(4);
        fixture.awaitCaptured(5);
        assertEquals(4, fixture.listenerStats("defaults").queued());

        fixture.configure("queue.capacity", 2);
        fixture.source().produce(1);
        fixture.awaitCaptured(6);

        assertEquals(2, fixture.listenerStats("defaults").queueCapacity());
        assertEquals(2, fixture.listenerStats("defaults").queued());
        assertEquals(3, fixture.listenerStats("defaults").dropped(), "two dropped by shrinking, one by policy");
        assertEquals(16, fixture.listenerStats("own").queueCapacity());
        fixture.configure("drop.policy", "DROP_OLDEST");
        fixture.source().produce(2);
        fixture.awaitCaptured(8);
        assertEquals(DropPolicy.DROP_OLDEST, fixture.listenerStats("defaults").policy());
        defaults.open();
        eventually(() -> defaults.received() == 3);
        assertEquals(List.of(0L, 6L, 7L), defaults.sequences());
        assertEquals(8, fixture.listenerStats("defaults").delivered() + fixture.listenerStats("defaults").dropped());
        eventually(() -> own.received() == 8);
        assertEquals(1, fixture.provider.openAttempts());
    }

    @Test
    void disablingStopsTheCameraAndEnablingStartsIt() {
        fixture.running();
        FakeSource first = fixture.source();

        fixture.configure("enabled", false);

        assertEquals(SessionState.STOPPED, fixture.session.state());
        assertTrue(first.isClosed());
        fixture.configure("enabled", "true");
        fixture.awaitState(SessionState.RUNNING);
        assertEquals(2, fixture.provider.opened().size());
    }

    @Test
    void stopAndStartFromTheShellOutlastUnrelatedChanges() {
        fixture.running();

        fixture.session.stop();
        fixture.configure("delivery", "zerocopy");

        assertEquals(SessionState.STOPPED, fixture.session.state());
        assertFalse(fixture.source().isStreaming());
        fixture.session.start();
        assertEquals(SessionState.RUNNING, fixture.session.state());
        assertEquals(2, fixture.provider.opened().size());
    }

    @Test
    void controlsAreAppliedAtStartAndUnknownOnesReported() {
        fixture.running("controls", new String[] { "brightness=128", "contrast=5" });

        assertEquals(128, fixture.source().control(FakeSource.BRIGHTNESS));
        assertEquals(SessionState.RUNNING, fixture.session.state());
        String error = fixture.session.lastError().orElseThrow();
        assertTrue(error.startsWith("control contrast=5 not applied: no control 'contrast'"), error);
    }

    @Test
    void renamingRestartsTheStreamUnderTheNewName() {
        RecordingListener front = fixture.listen(new RecordingListener("front"), "front", "kapture.camera", "front");
        fixture.running();
        assertTrue(fixture.stats().listeners().isEmpty());

        fixture.configure("name", "front");

        fixture.awaitState(SessionState.RUNNING);
        assertEquals("front", fixture.session.camera());
        fixture.source().produce(2);
        eventually(() -> front.received() == 2);
        assertEquals(0, front.badFrames(), "frames carry the new camera name");
    }
}
