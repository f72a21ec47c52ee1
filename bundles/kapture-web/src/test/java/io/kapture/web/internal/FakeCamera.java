package io.kapture.web.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.testing.StubCamera;

/**
 * A camera's management view with figures a test sets: the captured and sequence-repeat counts, and optionally a
 * failure when its statistics are read. Thread-safe.
 */
final class FakeCamera extends StubCamera {

    final AtomicLong captured = new AtomicLong();
    volatile long sequenceRepeats;
    private final FrameFormat format;
    private volatile RuntimeException statsFailure;

    FakeCamera(String name, int width, int height, PixelFormat pixelFormat) {
        super(name);
        this.format = FrameFormat.of(width, height, pixelFormat);
    }

    void failStats(RuntimeException failure) {
        statsFailure = failure;
    }

    @Override
    public Optional<FrameFormat> format() {
        return Optional.of(format);
    }

    @Override
    public CaptureStats stats() {
        RuntimeException failure = statsFailure;
        if (failure != null) {
            throw failure;
        }
        return new CaptureStats(1_700_000_000_000L, 0, captured.get(), 0, sequenceRepeats, 0, 0, 0, 29.5, 3, 4,
                List.of(), Optional.empty());
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
