package io.kapture.mqtt.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.osgi.service.event.Event;

import io.kapture.api.CaptureSession;
import io.kapture.testing.ComponentConfig;

/** Builds bridges for tests against a real broker: fake cameras, in-memory configurations. */
final class Bridges {

    private Bridges() {
    }

    static ComponentConfig<MqttConfig> config(String uri, String node) {
        return ComponentConfig.of(MqttConfig.class).with("server.uri", uri).with("node.id", node)
                .with("reconnect.min.ms", 200L).with("reconnect.max.ms", 1000L).with("stats.interval.seconds", 1);
    }

    static BridgeRuntime start(ComponentConfig<MqttConfig> config, List<? extends CaptureSession> cameras,
            CameraStore store) {
        BridgeRuntime runtime = create(config, cameras, store);
        runtime.start();
        return runtime;
    }

    static BridgeRuntime create(ComponentConfig<MqttConfig> config, List<? extends CaptureSession> cameras,
            CameraStore store) {
        return create(config, cameras, store, Optional.empty());
    }

    /** A bridge whose stats payloads get the optional bundles' {@code sections}. */
    static BridgeRuntime create(ComponentConfig<MqttConfig> config, List<? extends CaptureSession> cameras,
            CameraStore store, List<StatsSection> sections) {
        return create(config, cameras, store, Optional.empty(), sections);
    }

    /** A bridge whose node has the recorder bundle ({@code recordings}), if present. */
    static BridgeRuntime create(ComponentConfig<MqttConfig> config, List<? extends CaptureSession> cameras,
            CameraStore store, Optional<FakeRecordings> recordings) {
        return create(config, cameras, store, recordings, List.of());
    }

    private static BridgeRuntime create(ComponentConfig<MqttConfig> config, List<? extends CaptureSession> cameras,
            CameraStore store, Optional<FakeRecordings> recordings, List<StatsSection> sections) {
        RecorderSource source = recordings.map(RecordingsSource::new).orElse(null);
        return new BridgeRuntime(config.as(MqttSettings::from), "1.2.3", () -> List.copyOf(cameras),
                name -> cameras.stream().filter(c -> c.camera().equals(name)).map(c -> (CaptureSession) c)
                        .findFirst(),
                store, new FrameGrabber((listener, properties) -> {
                    throw new IllegalStateException("no frames in this test");
                }), () -> new TreeSet<>(List.of("copy", "pool")), () -> Optional.ofNullable(source),
                () -> sections);
    }

    static Event motion(String camera, String kind, long sequence) {
        return new Event("io/kapture/motion/" + kind, Map.of("camera", camera, "time", System.currentTimeMillis(),
                "sequence", sequence, "bbox.x", 1, "bbox.y", 2, "bbox.width", 3, "bbox.height", 4, "score", 0.5));
    }

    static Optional<String> none() {
        return Optional.empty();
    }
}
