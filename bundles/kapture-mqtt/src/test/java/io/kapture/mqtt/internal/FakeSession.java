package io.kapture.mqtt.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.SessionState;
import io.kapture.api.spi.ControlInfo;

/** A capture session whose state a test sets; counts start and stop calls. Fields are volatile: read by the bridge's threads. */
final class FakeSession implements CaptureSession {

    private final String camera;
    volatile SessionState state = SessionState.RUNNING;
    volatile String error;
    volatile int starts;
    volatile int stops;
    volatile long captured;

    FakeSession(String camera) {
        this.camera = camera;
    }

    @Override
    public String camera() {
        return camera;
    }

    @Override
    public String device() {
        return "synthetic:" + camera;
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public Optional<FrameFormat> format() {
        return Optional.empty();
    }

    @Override
    public double configuredFps() {
        return 30;
    }

    @Override
    public String delivery() {
        return "pool";
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(error);
    }

    @Override
    public List<String> adjustments() {
        return List.of();
    }

    @Override
    public CaptureStats stats() {
        return new CaptureStats(1, 0, captured, 0, 0, 0, 0, 30.0, 4, 4, List.of(), Optional.empty());
    }

    @Override
    public List<ControlInfo> controls() {
        return List.of();
    }

    @Override
    public long control(String name) {
        throw new IllegalArgumentException("no control " + name);
    }

    @Override
    public void control(String name, long value) {
        throw new IllegalArgumentException("no control " + name);
    }

    @Override
    public void start() {
        starts++;
        state = SessionState.RUNNING;
    }

    @Override
    public void stop() {
        stops++;
        state = SessionState.STOPPED;
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
