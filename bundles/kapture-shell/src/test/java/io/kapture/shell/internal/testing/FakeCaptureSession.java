package io.kapture.shell.internal.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.CaptureException;
import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.SessionState;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.ControlInfo;

/**
 * A capture session whose figures the test sets. {@link #start()} moves to RUNNING unless told to fail or wait.
 * The control methods work on {@link #openSource} while RUNNING, as the engine's work on its stream's source.
 *
 * <p>Threading contract: fields are volatile; tests set them from the test thread.
 */
public final class FakeCaptureSession implements CaptureSession {

    public volatile String camera;
    public volatile String device;
    public volatile SessionState state = SessionState.CONFIGURED;
    public volatile FrameFormat format;
    public volatile double configuredFps = 30;
    public volatile String delivery = "pool";
    /** What the engine delivers with instead of {@link #delivery}, and why; null when it delivers as configured. */
    public volatile String effectiveDelivery;
    public volatile String deliveryFallback;
    public volatile String lastError;
    public volatile CaptureStats stats = emptyStats();
    public volatile List<String> adjustments = List.of();
    /** The source its stream holds open; while RUNNING without one, control calls fail as if it just stopped. */
    public volatile CaptureSource openSource;
    public final AtomicInteger controlCalls = new AtomicInteger();
    /** What start() leads to; RUNNING unless a test wants otherwise. */
    public volatile SessionState stateAfterStart = SessionState.RUNNING;
    /** Thrown by start() when set. */
    public volatile CaptureException startFailure;
    public final AtomicInteger starts = new AtomicInteger();
    public final AtomicInteger stops = new AtomicInteger();

    public FakeCaptureSession(String camera, String device) {
        this.camera = camera;
        this.device = device;
    }

    public static CaptureStats emptyStats() {
        return new CaptureStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), Optional.empty());
    }

    @Override
    public String camera() {
        return camera;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public Optional<FrameFormat> format() {
        return Optional.ofNullable(format);
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
        return effectiveDelivery == null ? delivery : effectiveDelivery;
    }

    @Override
    public Optional<String> deliveryFallback() {
        return Optional.ofNullable(deliveryFallback);
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public List<String> adjustments() {
        return adjustments;
    }

    @Override
    public CaptureStats stats() {
        return stats;
    }

    @Override
    public List<ControlInfo> controls() {
        return running().controls();
    }

    @Override
    public long control(String name) {
        return running().control(name);
    }

    @Override
    public void control(String name, long value) {
        running().control(name, value);
    }

    private CaptureSource running() {
        SessionState now = state;
        if (now != SessionState.RUNNING) {
            throw new IllegalStateException("camera " + camera + " is not running; it is " + now);
        }
        CaptureSource source = openSource;
        if (source == null) {
            throw new IllegalStateException("camera " + camera + " stopped");
        }
        controlCalls.incrementAndGet();
        return source;
    }

    @Override
    public void start() {
        starts.incrementAndGet();
        if (startFailure != null) {
            throw startFailure;
        }
        state = stateAfterStart;
    }

    @Override
    public void stop() {
        stops.incrementAndGet();
        state = SessionState.STOPPED;
    }
}
