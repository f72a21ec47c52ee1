package io.kapture.mqtt.internal;

import java.util.List;
import java.util.Optional;

import io.kapture.api.CaptureStats;
import io.kapture.testing.StubCamera;

/**
 * A capture session whose state and error a test sets ({@link StubCamera}), with frame and sequence-repeat counts
 * for its figures; counts start and stop calls. Fields are volatile: read by the bridge's threads.
 */
final class FakeSession extends StubCamera {

    volatile int starts;
    volatile int stops;
    volatile long captured;
    volatile long sequenceRepeats;

    FakeSession(String camera) {
        super(camera);
    }

    @Override
    public CaptureStats stats() {
        return new CaptureStats(1, 0, captured, 0, sequenceRepeats, 0, 0, 0, 30.0, 4, 4, List.of(), Optional.empty());
    }

    @Override
    public void start() {
        starts++;
        super.start();
    }

    @Override
    public void stop() {
        stops++;
        super.stop();
    }
}
