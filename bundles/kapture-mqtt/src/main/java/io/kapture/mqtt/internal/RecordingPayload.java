package io.kapture.mqtt.internal;

import java.util.Optional;

import org.osgi.service.event.Event;

import com.google.gson.JsonObject;

import io.kapture.processor.recorder.RecordingEvents;

/**
 * Turns the recorder's {@code io/kapture/recording/v1/FINISHED} event into the notice published on
 * {@code <prefix>/<camera>/recording}: every figure is the recorder's own for the closed file, as the event
 * carries it, so nothing is read from disk here.
 *
 * <p>Only compile-time constants of {@link RecordingEvents} are used, which javac copies into this class: it never
 * loads a class of the recorder's package, which the bridge imports optionally.
 *
 * <p>Stateless; safe from any thread.
 */
final class RecordingPayload {

    /** The recorder's event topics, for {@code event.topics}. */
    static final String TOPIC_FILTER = RecordingEvents.TOPIC_ALL;

    /** What the topics of {@link #TOPIC_FILTER} begin with. */
    static final String TOPIC_PREFIX = "io/kapture/recording/";

    private RecordingPayload() {
    }

    /** The camera and notice of a FINISHED event; empty for other topics or an event without camera or path. */
    static Optional<Notice> finished(Event event, long now) {
        if (!RecordingEvents.TOPIC_FINISHED.equals(event.getTopic())
                || !(event.getProperty(RecordingEvents.CAMERA) instanceof String camera) || !Topics.isLevel(camera)
                || !(event.getProperty(RecordingEvents.PATH) instanceof String path)) {
            return Optional.empty();
        }
        JsonObject notice = new JsonObject();
        notice.addProperty("camera", camera);
        text(notice, "file", event.getProperty(RecordingEvents.FILE));
        notice.addProperty("path", path);
        text(notice, "kind", event.getProperty(RecordingEvents.KIND));
        text(notice, "trigger", event.getProperty(RecordingEvents.TRIGGER));
        number(notice, "startMillis", event.getProperty(RecordingEvents.START_MILLIS));
        number(notice, "endMillis", event.getProperty(RecordingEvents.END_MILLIS));
        number(notice, "durationMillis", event.getProperty(RecordingEvents.DURATION_MILLIS));
        number(notice, "frames", event.getProperty(RecordingEvents.FRAMES));
        number(notice, "bytes", event.getProperty(RecordingEvents.BYTES));
        text(notice, "format", event.getProperty(RecordingEvents.FORMAT));
        text(notice, "reason", event.getProperty(RecordingEvents.REASON));
        text(notice, "error", event.getProperty(RecordingEvents.ERROR));
        notice.addProperty("time", now);
        return Optional.of(new Notice(camera, notice));
    }

    private static void text(JsonObject json, String key, Object value) {
        if (value instanceof String text) {
            json.addProperty(key, text);
        }
    }

    private static void number(JsonObject json, String key, Object value) {
        if (value instanceof Number number) {
            json.addProperty(key, number.longValue());
        }
    }

    record Notice(String camera, JsonObject json) {
    }
}
