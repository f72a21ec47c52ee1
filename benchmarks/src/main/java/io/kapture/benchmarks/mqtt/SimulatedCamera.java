package io.kapture.benchmarks.mqtt;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.DropCause;
import io.kapture.api.DropPolicy;
import io.kapture.api.FrameFormat;
import io.kapture.api.FramePoolStats;
import io.kapture.api.ListenerStats;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.api.spi.ControlInfo;

/**
 * A running camera as the bridge sees it, with figures of the size a real one has (two listeners, a pool), so that
 * the stats messages the benchmark sends are as large as a real node's. Its frame counter advances with the clock.
 *
 * <p>Immutable apart from the clock it reads; safe from any thread.
 */
final class SimulatedCamera implements CaptureSession {

    private final String name;
    private final long started = System.currentTimeMillis();

    SimulatedCamera(String name) {
        this.name = name;
    }

    @Override
    public String camera() {
        return name;
    }

    @Override
    public String device() {
        return "/dev/v4l/by-id/usb-Simulated_Camera_" + name + "-video-index0";
    }

    @Override
    public SessionState state() {
        return SessionState.RUNNING;
    }

    @Override
    public Optional<FrameFormat> format() {
        return Optional.of(new FrameFormat(1280, 720, PixelFormat.YUYV, 2560, 1280 * 720 * 2));
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
    public List<String> adjustments() {
        return List.of();
    }

    @Override
    public CaptureStats stats() {
        long frames = (System.currentTimeMillis() - started) * 30 / 1000;
        List<ListenerStats> listeners = List.of(
                new ListenerStats("motion:" + name, "io.kapture.kapture-processor-motion", name, DropPolicy.DROP_OLDEST,
                        4, 0, frames, 3, 0, 180_000, 2_400_000, 9_000_000, Map.of(DropCause.QUEUE_FULL, 3L)),
                new ListenerStats("recorder:" + name, "io.kapture.kapture-processor-recorder", name,
                        DropPolicy.DROP_OLDEST, 8, 1, frames, 0, 0, 210_000, 3_100_000, 12_000_000, Map.of()));
        return new CaptureStats(started, 0, frames, 0, 0, 0, 0, 29.97, 3, 4, listeners,
                Optional.of(new FramePoolStats(frames * 2, frames * 2 - 2, 12, 2, 22_118_400, 268_435_456)));
    }

    @Override
    public List<ControlInfo> controls() {
        return List.of();
    }

    @Override
    public long control(String control) {
        throw new IllegalArgumentException(control);
    }

    @Override
    public void control(String control, long value) {
        throw new IllegalArgumentException(control);
    }

    @Override
    public void start() {
        // always running
    }

    @Override
    public void stop() {
        // always running
    }
}
