package io.kapture.web.internal;

import java.util.List;
import java.util.stream.Collectors;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.convert.ImageEncoding;

/**
 * The statistics endpoint's document: per camera its state, format, rates and counters from
 * {@link CaptureSession#stats()}, and how many previews stream it; plus the preview's own limits and the JPEG
 * engine that encodes the previews (libjpeg-turbo or javax.imageio). A camera whose
 * figures cannot be read is listed with the reason instead of failing the whole document.
 *
 * <p>Stateless; safe from any thread.
 */
final class CamerasJson {

    private CamerasJson() {
    }

    static String of(List<CaptureSession> cameras, List<PreviewClient> streams, PreviewSettings settings) {
        Json json = new Json().beginObject();
        json.field("maxPreviewFps", settings.maxFps());
        json.field("streams", streams.size());
        json.field("maxStreams", settings.maxStreams());
        json.field("jpegEngine", ImageEncoding.jpegEngine());
        json.beginArray("cameras");
        for (CaptureSession camera : cameras) {
            json.beginObject().field("name", camera.camera());
            try {
                camera(json, camera, streams);
            } catch (RuntimeException e) {
                json.field("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            json.endObject();
        }
        return json.endArray().endObject().toString();
    }

    private static void camera(Json json, CaptureSession camera, List<PreviewClient> streams) {
        CaptureStats stats = camera.stats();
        json.field("device", camera.device())
                .field("state", camera.state().name())
                .field("format", camera.format().map(Object::toString).orElse(null))
                .field("adjustments", camera.adjustments().isEmpty() ? null : String.join(" ", camera.adjustments()))
                .field("configuredFps", camera.configuredFps())
                .field("delivery", camera.delivery())
                .field("effectiveDelivery", camera.effectiveDelivery())
                .field("deliveryFallback", camera.deliveryFallback().orElse(null))
                .field("restarts", stats.restarts())
                .field("fps", stats.fps())
                .field("captured", stats.captured())
                .field("delivered", stats.delivered())
                .field("dropped", stats.dropped())
                .field("sequenceGaps", stats.sequenceGaps())
                .field("sequenceRepeats", stats.sequenceRepeats())
                .field("corrupted", stats.corrupted())
                .field("queuedBuffers", stats.queuedBuffers())
                .field("bufferCount", stats.bufferCount())
                .field("listeners", stats.listeners().size())
                .field("listenerPlacement", placements(stats))
                .field("previews", streams.stream().filter(client -> client.camera().equals(camera.camera())).count())
                .field("lastError", camera.lastError().orElse(null));
    }

    /**
     * Where each listener runs, {@code name: placement} joined by {@code "; "}, such as
     * {@code "stats: capture thread; rtsp:cam0: own thread"}; null with no listener.
     */
    private static String placements(CaptureStats stats) {
        if (stats.listeners().isEmpty()) {
            return null;
        }
        return stats.listeners().stream().map(listener -> listener.name() + ": " + listener.placementWithReason())
                .collect(Collectors.joining("; "));
    }
}
