package io.kapture.web.internal.metrics;

import static io.kapture.web.internal.metrics.PrometheusText.Type.COUNTER;
import static io.kapture.web.internal.metrics.PrometheusText.Type.GAUGE;

import java.util.List;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.DropCause;
import io.kapture.api.SessionState;

/**
 * The cameras' figures as Prometheus metrics, from each {@link CaptureSession}'s state and {@link CaptureStats}:
 * state, rates, frame counters, driver buffers and pool per camera (label {@code camera}), and per listener
 * ({@link ListenerMetrics}). Counters cover the current stream and start again from zero when it restarts, which
 * Prometheus' {@code rate()} and {@code increase()} take as a counter reset. A camera whose figures cannot be read
 * keeps its state metrics and is counted in {@code kapture_camera_scrape_errors}.
 *
 * <p>Stateless; safe from any thread.
 */
public final class CameraMetrics {

    private CameraMetrics() {
    }

    /** Adds every camera's metrics. */
    public static void add(PrometheusText out, List<CaptureSession> cameras) {
        int errors = 0;
        for (CaptureSession camera : cameras) {
            String name = camera.camera();
            state(out, camera, name);
            CaptureStats stats;
            try {
                stats = camera.stats();
            } catch (RuntimeException e) {
                errors++;
                continue;
            }
            stream(out, camera, stats, name);
            pool(out, stats, name);
            ListenerMetrics.add(out, name, stats.listeners());
        }
        out.family("kapture_camera_scrape_errors", GAUGE, "Cameras whose figures could not be read in this scrape.")
                .sample(errors);
    }

    private static void state(PrometheusText out, CaptureSession camera, String name) {
        SessionState current = camera.state();
        PrometheusText.Family state = out.family("kapture_camera_state", GAUGE,
                "1 for the camera's current state, 0 for the others.");
        for (SessionState each : SessionState.values()) {
            state.sample(each == current ? 1 : 0, "camera", name, "state", each.name());
        }
        out.family("kapture_camera_up", GAUGE, "1 while the camera is RUNNING, else 0.")
                .sample(current == SessionState.RUNNING ? 1 : 0, "camera", name);
        out.family("kapture_camera_info", GAUGE, "The camera's device, delivery strategy (configured, and the one"
                + " delivering: pool where the device cannot lend zero-copy buffers) and negotiated format.")
                .sample(1, "camera", name, "device", camera.device(), "delivery", camera.delivery(),
                        "effective_delivery", camera.effectiveDelivery(), "format",
                        camera.format().map(Object::toString).orElse(""));
        out.family("kapture_camera_configured_fps", GAUGE, "Frame rate asked for in the configuration; 0 = as fast"
                + " as the device delivers.").sample(camera.configuredFps(), "camera", name);
    }

    private static void stream(PrometheusText out, CaptureSession camera, CaptureStats stats, String name) {
        out.family("kapture_camera_fps", GAUGE, "Frame rate measured over the last second; 0 once frames stop.")
                .sample(stats.fps(), "camera", name);
        if (stats.startedAtMillis() > 0) {
            out.family("kapture_stream_start_time_seconds", GAUGE, "When the current stream started, seconds"
                    + " since the epoch.").sample(stats.startedAtMillis() / 1000.0, "camera", name);
        }
        counter(out, "kapture_stream_restarts_total", "Times the stream was restarted since the camera was"
                + " configured.", stats.restarts(), name);
        counter(out, "kapture_frames_captured_total", "Frames taken from the driver in the current stream.",
                stats.captured(), name);
        counter(out, "kapture_frames_delivered_total", "Frames handed to listeners, over all listeners.",
                stats.delivered(), name);
        PrometheusText.Family dropped = out.family("kapture_frames_dropped_total", COUNTER,
                "Frames that never reached a listener, over all listeners, by cause.");
        for (DropCause cause : DropCause.values()) {
            long sum = stats.listeners().stream().mapToLong(listener -> listener.dropped(cause)).sum();
            dropped.sample(sum, "camera", name, "cause", ListenerMetrics.causeLabel(cause));
        }
        counter(out, "kapture_sequence_gaps_total", "Frames the driver dropped, seen as gaps in its sequence"
                + " numbers.", stats.sequenceGaps(), name);
        counter(out, "kapture_sequence_repeats_total", "Frames the driver numbered no higher than the frame before"
                + " (a repeated or restarted sequence number); still delivered, not gaps.", stats.sequenceRepeats(),
                name);
        counter(out, "kapture_frames_corrupted_total", "Frames the driver flagged as corrupted.", stats.corrupted(),
                name);
        counter(out, "kapture_fallback_copies_total", "Zero-copy frames copied because the driver ran low on"
                + " buffers.", stats.fallbackCopies(), name);
        counter(out, "kapture_reclaimed_leases_total", "Frames taken back from listeners that held them too long.",
                stats.reclaimedLeases(), name);
        out.family("kapture_driver_buffers_queued", GAUGE, "Driver buffers queued, ready to be filled.")
                .sample(stats.queuedBuffers(), "camera", name);
        out.family("kapture_driver_buffers", GAUGE, "Driver buffers in all.").sample(stats.bufferCount(), "camera",
                name);
    }

    private static void pool(PrometheusText out, CaptureStats stats, String name) {
        stats.pool().ifPresent(pool -> {
            counter(out, "kapture_pool_gets_total", "Buffers the camera's frame pool handed out.", pool.gets(),
                    name);
            counter(out, "kapture_pool_returns_total", "Buffers given back to the pool.", pool.returns(), name);
            counter(out, "kapture_pool_allocations_total", "Buffers the pool created because no free one fitted.",
                    pool.allocations(), name);
            out.family("kapture_pool_outstanding_buffers", GAUGE, "Buffers handed out and not yet given back.")
                    .sample(pool.outstanding(), "camera", name);
            out.family("kapture_pool_held_bytes", GAUGE, "Capacity of all buffers the pool keeps track of.")
                    .sample(pool.bytesHeld(), "camera", name);
            out.family("kapture_pool_max_bytes", GAUGE, "The byte budget the pool keeps within.")
                    .sample(pool.maxBytes(), "camera", name);
        });
    }

    private static void counter(PrometheusText out, String metric, String help, long value, String camera) {
        out.family(metric, COUNTER, help).sample(value, "camera", camera);
    }
}
