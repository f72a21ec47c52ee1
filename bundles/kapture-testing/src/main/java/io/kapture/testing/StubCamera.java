package io.kapture.testing;

import java.util.List;
import java.util.Optional;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.SessionState;
import io.kapture.api.spi.ControlInfo;

/**
 * A camera ({@link CaptureSession}) whose state, last error, configured rate and figures a test sets; start and
 * stop change its state, controls are absent. Fields are volatile: a test thread sets them, any thread reads.
 */
public class StubCamera implements CaptureSession {

    private final String name;
    public volatile SessionState state = SessionState.RUNNING;
    public volatile String lastError;
    public volatile double configuredFps = 30;
    public volatile CaptureStats stats;
    public volatile String delivery = "pool";
    /** The strategy the engine delivers with instead of the configured one, and why; null: as configured. */
    public volatile String fallbackDelivery;
    public volatile String fallbackReason;

    public StubCamera(String name) {
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
        return delivery;
    }

    @Override
    public String effectiveDelivery() {
        String fallback = fallbackDelivery;
        return fallback == null ? delivery() : fallback;
    }

    @Override
    public Optional<String> deliveryFallback() {
        return Optional.ofNullable(fallbackReason);
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
