package io.kapture.mqtt.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.event.Event;

import io.kapture.processor.recorder.RecordingEvents;

/**
 * The recorder's EventAdmin events as its {@code RecordingAnnouncer} posts them ({@link RecordingEvents}), for
 * tests that play the recorder.
 */
final class RecorderEvents {

    private RecorderEvents() {
    }

    static Event started(String camera, String path, String trigger, long startMillis) {
        return new Event(RecordingEvents.TOPIC_STARTED, file(camera, path, trigger, startMillis));
    }

    static Event finished(String camera, String path, String trigger, long startMillis, long durationMillis,
            long frames, long bytes, String reason, String error) {
        Map<String, Object> properties = file(camera, path, trigger, startMillis);
        properties.put(RecordingEvents.END_MILLIS, startMillis + durationMillis);
        properties.put(RecordingEvents.DURATION_MILLIS, durationMillis);
        properties.put(RecordingEvents.FRAMES, frames);
        properties.put(RecordingEvents.BYTES, bytes);
        properties.put(RecordingEvents.REASON, reason);
        if (error != null) {
            properties.put(RecordingEvents.ERROR, error);
        }
        return new Event(RecordingEvents.TOPIC_FINISHED, properties);
    }

    private static Map<String, Object> file(String camera, String path, String trigger, long startMillis) {
        String name = Path.of(path).getFileName().toString();
        Map<String, Object> properties = new HashMap<>();
        properties.put(RecordingEvents.CAMERA, camera);
        properties.put(RecordingEvents.PATH, path);
        properties.put(RecordingEvents.FILE, name);
        properties.put(RecordingEvents.FORMAT, name.substring(name.lastIndexOf('.') + 1));
        properties.put(RecordingEvents.KIND, trigger == null ? "continuous" : "event");
        if (trigger != null) {
            properties.put(RecordingEvents.TRIGGER, trigger);
        }
        properties.put(RecordingEvents.START_MILLIS, startMillis);
        properties.put("timestamp", System.currentTimeMillis());
        return properties;
    }
}
