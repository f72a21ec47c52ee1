package io.kapture.web.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.api.spi.ControlInfo;

/**
 * A camera's management view with figures a test sets: the captured count, and optionally a failure when its
 * statistics are read. Thread-safe.
 */
final class FakeCamera implements CaptureSession {

    final AtomicLong captured = new AtomicLong();
    private final String name;
    private final FrameFormat format;
    private volatile RuntimeException statsFailure;

    FakeCamera(String name, int width, int height, PixelFormat pixelFormat) {
        this.name = name;
        this.format = FrameFormat.of(width, height, pixelFormat);
    }

    void failStats(RuntimeException failure) {
        statsFailure = failure;
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
        return SessionState.RUNNING;
    }

    @Override
    public Optional<FrameFormat> format() {
        return Optional.of(format);
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
        return Optional.empty();
    }

    @Override
    public CaptureStats stats() {
        RuntimeException failure = statsFailure;
        if (failure != null) {
            throw failure;
        }
        return new CaptureStats(1_700_000_000_000L, 0, captured.get(), 0, 0, 0, 0, 29.5, 3, 4, List.of(),
                Optional.empty());
    }

    @Override
    public List<String> adjustments() {
        return List.of();
    }

    @Override
    public List<ControlInfo> controls() {
        return List.of();
    }

    @Override
    public long control(String control) {
        throw new IllegalArgumentException("the fake camera has no control " + control);
    }

    @Override
    public void control(String control, long value) {
        throw new IllegalArgumentException("the fake camera has no control " + control);
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("the preview never starts cameras");
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("the preview never stops cameras");
    }
}
