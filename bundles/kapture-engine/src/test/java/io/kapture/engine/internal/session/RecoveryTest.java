package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.SessionState;
import io.kapture.engine.internal.fakes.FakeProvider;
import io.kapture.engine.internal.fakes.FakeSource;
import io.kapture.engine.internal.fakes.RecordingListener;

/** A camera waits for a missing provider, fails and retries on a lost device, and restarts a stalled stream. */
class RecoveryTest {

    private static final String STALLED = "camera cam0: no frame from device 'fake0' for \\d+ ms "
            + "\\(stall\\.timeout\\.ms = 100\\); the watchdog stopped the stream and restarted it";

    private final SessionFixture fixture = new SessionFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aLostDeviceFailsTheCameraUntilItComesBack() {
        fixture.withServices();
        RecordingListener listener = fixture.listen("recorder");
        fixture.running("retry.interval.ms", 60_000L);
        fixture.source().produce(3);
        eventually(() -> listener.received() == 3);
        FakeSource lost = fixture.source();

        fixture.provider.unplug();

        fixture.awaitState(SessionState.FAILED);
        assertEquals("camera cam0: device 'fake0' failed while capturing: fake device fake0 was unplugged",
                fixture.session.lastError().orElseThrow());
        assertTrue(lost.isClosed());
        fixture.configure("retry.interval.ms", 20L);
        eventually(() -> fixture.provider.openAttempts() >= 4);
        eventually(() -> fixture.session.lastError().orElseThrow()
                .equals("camera cam0: cannot start device 'fake0': no fake device fake0"));
        assertEquals(SessionState.FAILED, fixture.session.state());
        assertEquals(List.of(), SessionFixture.streamThreads());

        fixture.provider.plug();

        fixture.awaitState(SessionState.RUNNING);
        assertTrue(fixture.session.lastError().isEmpty());
        fixture.source().produce(2);
        eventually(() -> listener.received() == 5);
        assertEquals(List.of(0L, 1L, 2L, 0L, 1L), listener.sequences());
    }

    @Test
    void aDeviceMissingAtStartIsRetried() {
        fixture.withServices();
        fixture.provider.unplug();

        fixture.configure();

        assertEquals(SessionState.FAILED, fixture.session.state());
        eventually(() -> fixture.provider.openAttempts() >= 3);
        fixture.provider.plug();
        fixture.awaitState(SessionState.RUNNING);
    }

    @Test
    void withoutAProviderTheCameraWaitsAndStartsWhenOneArrives() {
        FakeProvider v4l2 = new FakeProvider("/dev/");
        fixture.session.addStrategy(fixture.copy, "copy");
        fixture.session.awaitSettled();

        fixture.configure("device", "/dev/video0");

        assertEquals(SessionState.WAITING, fixture.session.state());
        assertEquals("camera cam0: no capture source handles device '/dev/video0'; install feature kapture-v4l2",
                fixture.session.lastError().orElseThrow());
        fixture.session.addProvider(fixture.provider);
        fixture.session.awaitSettled();
        assertEquals(SessionState.WAITING, fixture.session.state(), "that provider does not handle /dev/ names");

        fixture.session.addProvider(v4l2);

        fixture.session.awaitSettled();

        assertEquals(SessionState.RUNNING, fixture.session.state());
        assertEquals(1, v4l2.opened().size());
        assertTrue(fixture.session.lastError().isEmpty());
    }

    @Test
    void losingTheProviderStopsTheStreamAndWaits() {
        fixture.withServices();
        RecordingListener listener = fixture.listen("recorder");
        fixture.running();

        fixture.session.removeProvider(fixture.provider);

        fixture.session.awaitSettled();

        assertEquals(SessionState.WAITING, fixture.session.state());
        assertTrue(fixture.source().isClosed());
        assertEquals(List.of(), SessionFixture.streamThreads());
        fixture.session.addProvider(fixture.provider);
        fixture.session.awaitSettled();
        fixture.awaitState(SessionState.RUNNING);
        fixture.source().produce(1);
        eventually(() -> listener.received() == 1);
    }

    @Test
    void aStalledStreamIsRestarted() {
        fixture.withServices();
        RecordingListener listener = fixture.listen("recorder");
        fixture.running("stall.timeout.ms", 100L);

        eventually(() -> fixture.provider.opened().size() >= 2);
        eventually(() -> fixture.stats().restarts() >= 1);
        // the restarted stream stalls again and again: look for the message between restarts
        eventually(() -> fixture.session.lastError().filter(error -> error.matches(STALLED)).isPresent());

        fixture.session.stop();
        assertTrue(fixture.provider.opened().stream().allMatch(FakeSource::isClosed));
        fixture.configure("stall.timeout.ms", 0L);
        fixture.session.start();
        assertEquals(SessionState.RUNNING, fixture.session.state());
        fixture.source().produce(2);
        eventually(() -> listener.received() == 2);
    }
}
