package io.kapture.health.internal;

import java.util.List;
import java.util.Optional;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.SessionState;
import io.kapture.api.spi.ControlInfo;

/** A camera whose state, error and figures a test sets. Fields are volatile; a test thread sets, any reads. */
class StubCamera implements CaptureSession {

    private final String name;
    volatile SessionState state = SessionState.RUNNING;
    volatile String lastError;
    volatile double configuredFps = 30;
    volatile CaptureStats stats;

    StubCamera(String name) {
        this.name = name;
    }

    @Override
    public String camera() {
        return name;
    }

    @Override
    public String device() {
        return "synthetic:" + name;
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
        return configuredFps;
    }

    @Override
    public String delivery() {
        return "pool";
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public List<String> adjustments() {
        return List.of();
    }

    @Override
    public CaptureStats stats() {
        return stats;
    }

    @Override
    public List<ControlInfo> controls() {
        throw new IllegalStateException("not running");
    }

    @Override
    public long control(String name) {
        throw new IllegalStateException("not running");
    }

    @Override
    public void control(String name, long value) {
        throw new IllegalStateException("not running");
    }

    @Override
    public void start() {
        state = SessionState.RUNNING;
    }

    @Override
    public void stop() {
        state = SessionState.STOPPED;
    }
}
