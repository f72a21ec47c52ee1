package io.kapture.mqtt.internal;

import java.util.Collection;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.DropCause;
import io.kapture.api.FramePoolStats;
import io.kapture.api.ListenerStats;

/**
 * The JSON documents the bridge publishes about the node and its cameras (the schemas in the README's MQTT
 * section). Built with Gson's tree, which escapes every string, so a camera name or error message cannot break a
 * document.
 *
 * <p>Stateless; safe from any thread.
 */
final class Payloads {

    private Payloads() {
    }

    static JsonObject status(String node, boolean online, String version, long startedMillis,
            Collection<String> cameras) {
        JsonObject status = new JsonObject();
        status.addProperty("node", node);
        status.addProperty("state", online ? "online" : "offline");
        if (online) {
            long now = System.currentTimeMillis();
            status.addProperty("version", version);
            status.addProperty("time", now);
            status.addProperty("startedAt", startedMillis);
            status.addProperty("uptimeSeconds", (now - startedMillis) / 1000);
            status.add("cameras", strings(cameras));
        }
        return status;
    }

    /** What {@code <prefix>/<camera>/state} says: published when any of it changes (time left out of the comparison). */
    static JsonObject state(CaptureSession session) {
        JsonObject state = new JsonObject();
        state.addProperty("camera", session.camera());
        state.addProperty("state", session.state().name());
        state.addProperty("device", session.device());
        state.addProperty("delivery", session.delivery());
        state.addProperty("effectiveDelivery", session.effectiveDelivery());
        state.addProperty("deliveryFallback", session.deliveryFallback().orElse(null));
        state.addProperty("configuredFps", finite(session.configuredFps()));
        session.format().ifPresent(format -> {
            JsonObject f = new JsonObject();
            f.addProperty("width", format.width());
            f.addProperty("height", format.height());
            f.addProperty("pixelFormat", format.pixelFormat().name());
            state.add("format", f);
        });
        state.addProperty("lastError", session.lastError().orElse(null));
        state.add("adjustments", strings(session.adjustments()));
        return state;
    }

    static JsonObject stats(CaptureSession session, long now) {
        CaptureStats stats = session.stats();
        JsonObject json = new JsonObject();
        json.addProperty("camera", session.camera());
        json.addProperty("time", now);
        json.addProperty("state", session.state().name());
        json.addProperty("fps", finite(stats.fps()));
        json.addProperty("captured", stats.captured());
        json.addProperty("delivered", stats.delivered());
        json.addProperty("dropped", stats.dropped());
        json.addProperty("sequenceGaps", stats.sequenceGaps());
        json.addProperty("sequenceRepeats", stats.sequenceRepeats());
        json.addProperty("corrupted", stats.corrupted());
        json.addProperty("fallbackCopies", stats.fallbackCopies());
        json.addProperty("reclaimedLeases", stats.reclaimedLeases());
        json.addProperty("restarts", stats.restarts());
        json.addProperty("queuedBuffers", stats.queuedBuffers());
        json.addProperty("bufferCount", stats.bufferCount());
        JsonObject causes = new JsonObject();
        long p50 = 0;
        long p99 = 0;
        long max = 0;
        JsonArray listeners = new JsonArray();
        for (ListenerStats listener : stats.listeners()) {
            for (Map.Entry<DropCause, Long> cause : listener.droppedByCause().entrySet()) {
                String key = cause.getKey().name();
                causes.addProperty(key, (causes.has(key) ? causes.get(key).getAsLong() : 0) + cause.getValue());
            }
            p50 = Math.max(p50, listener.latencyP50Nanos());
            p99 = Math.max(p99, listener.latencyP99Nanos());
            max = Math.max(max, listener.latencyMaxNanos());
            JsonObject l = new JsonObject();
            l.addProperty("name", listener.name());
            l.addProperty("delivered", listener.delivered());
            l.addProperty("dropped", listener.dropped());
            l.addProperty("queued", listener.queued());
            l.addProperty("placement", listener.placement().name());
            if (!listener.placementReason().isEmpty()) {
                l.addProperty("placementReason", listener.placementReason());
            }
            l.addProperty("latencyP99Ms", listener.latencyP99Nanos() / 1e6);
            listeners.add(l);
        }
        json.add("droppedByCause", causes);
        JsonObject latency = new JsonObject();
        latency.addProperty("p50Ms", p50 / 1e6);
        latency.addProperty("p99Ms", p99 / 1e6);
        latency.addProperty("maxMs", max / 1e6);
        json.add("latency", latency);
        stats.pool().ifPresent(pool -> json.add("pool", pool(pool)));
        json.add("listeners", listeners);
        return json;
    }

    private static JsonObject pool(FramePoolStats pool) {
        JsonObject json = new JsonObject();
        json.addProperty("gets", pool.gets());
        json.addProperty("allocations", pool.allocations());
        json.addProperty("outstanding", pool.outstanding());
        json.addProperty("bytesHeld", pool.bytesHeld());
        json.addProperty("maxBytes", pool.maxBytes());
        json.addProperty("hitRate", finite(pool.hitRate()));
        return json;
    }

    static JsonArray strings(Collection<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /** Gson writes NaN and infinities as bare words, which is not JSON: those become 0. */
    static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
