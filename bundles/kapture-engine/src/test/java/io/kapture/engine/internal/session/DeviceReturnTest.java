package io.kapture.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.SessionState;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.engine.internal.DeviceReturn;

/**
 * A camera whose device went away reopens it as soon as a provider reports it back, not when its retry timer
 * falls due (here ten minutes away, far beyond the test's wait); a device of another name changes nothing.
 */
class DeviceReturnTest {

    private static final long TEN_MINUTES = 600_000L;

    private final SessionFixture fixture = new SessionFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aFailedCameraReopensAtOnceWhenItsDeviceArrives() {
        fixture.withServices();
        fixture.provider.unplug();
        fixture.configure("retry.interval.ms", TEN_MINUTES);
        assertEquals(SessionState.FAILED, fixture.session.state());
        int attempts = fixture.provider.openAttempts();
        DeviceReturn arrivals = new DeviceReturn(fixture.session);

        arrivals.deviceArrived(device("fake7", List.of()));
        fixture.provider.plug();
        arrivals.deviceArrived(device("fake0", List.of()));

        fixture.awaitState(SessionState.RUNNING);
        assertEquals(attempts + 1, fixture.provider.openAttempts(), "one reopen, for fake0's arrival only");
    }

    @Test
    void aCameraConfiguredWithAStableNameReopensWhenANodeBearingItArrives() {
        fixture.withServices();
        fixture.provider.unplug();
        fixture.configure("retry.interval.ms", TEN_MINUTES, "device", "fake-by-id-webcam");
        assertEquals(SessionState.FAILED, fixture.session.state());
        fixture.provider.plug();

        new DeviceReturn(fixture.session).deviceArrived(device("fake3", List.of("fake-by-id-webcam")));

        fixture.awaitState(SessionState.RUNNING);
    }

    private static DeviceInfo device(String name, List<String> stableNames) {
        return new DeviceInfo(name, "fake", "Fake Camera", "platform:fake", stableNames, true, List.of("video-capture"));
    }
}
