package io.kapture.mqtt.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.kapture.api.CameraConfiguration;
import io.kapture.api.CaptureSession;

/**
 * Runs the commands that arrive on {@code <prefix>/<camera>/cmd/<verb>} and answers each on
 * {@code <prefix>/<camera>/cmd/<verb>/reply} with {@code "ok": true} and the result, or {@code "ok": false} and the
 * exact error. A command for an unknown camera, with a malformed or oversized payload, or with an unknown verb is
 * answered with an error and changes nothing. Configuration changes ({@code config}, {@code strategy}) go through
 * Configuration Admin like any edit, and the reply carries the engine's verdict.
 *
 * <p>Threading contract: {@link #handle} runs on the bridge's command thread only, one command at a time; it may
 * wait there (for a frame, for the engine's verdict), never on Paho's or SCR's threads.
 */
final class Commands {

    static final SortedSet<String> VERBS = new java.util.TreeSet<>(Set.of("snapshot", "start", "stop", "strategy",
            "config", "clip"));
    /** What an event recorder accepts as a trigger's name (it would rewrite anything else). */
    private static final java.util.regex.Pattern TRIGGER = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final long VERDICT_MILLIS = 5000;
    private static final long FRAME_MILLIS = 5000;

    private final MqttSettings settings;
    private final Topics topics;
    private final Outbox outbox;
    private final Function<String, Optional<CaptureSession>> sessions;
    private final CameraStore store;
    private final FrameGrabber grabber;
    private final Supplier<SortedSet<String>> strategies;
    private final Supplier<Optional<RecorderSource>> recorder;

    Commands(MqttSettings settings, Topics topics, Outbox outbox, Function<String, Optional<CaptureSession>> sessions,
            CameraStore store, FrameGrabber grabber, Supplier<SortedSet<String>> strategies,
            Supplier<Optional<RecorderSource>> recorder) {
        this.recorder = recorder;
        this.settings = settings;
        this.topics = topics;
        this.outbox = outbox;
        this.sessions = sessions;
        this.store = store;
        this.grabber = grabber;
        this.strategies = strategies;
    }

    /** Handles one message of the command subscription; topics that are not commands of ours are ignored. */
    void handle(String topic, byte[] payload) throws InterruptedException {
        Optional<String[]> parsed = topics.command(topic);
        if (parsed.isEmpty()) {
            return;
        }
        String camera = parsed.get()[0];
        String verb = parsed.get()[1];
        JsonObject reply = new JsonObject();
        reply.addProperty("camera", camera);
        reply.addProperty("verb", verb);
        try {
            JsonObject request = Json.object(payload, settings.commandMaxBytes());
            reply.addProperty("id", Json.id(request));
            if (!VERBS.contains(verb)) {
                throw new IllegalArgumentException("unknown command '" + CameraKeys.printable(verb) + "'; commands: "
                        + String.join(", ", VERBS));
            }
            CaptureSession session = sessions.apply(camera).orElseThrow(() -> new IllegalArgumentException(
                    "no camera '" + CameraKeys.printable(camera) + "' on node " + settings.nodeId()));
            run(verb, session, request, reply);
            reply.addProperty("ok", true);
        } catch (IllegalArgumentException | IllegalStateException | IOException | UnsupportedOperationException e) {
            reply.addProperty("ok", false);
            reply.addProperty("error", e.getMessage());
        }
        reply.addProperty("time", System.currentTimeMillis());
        if (Topics.isLevel(camera) && Topics.isLevel(verb)) {
            outbox.offer(Outbound.text(topics.reply(camera, verb), reply.toString(), settings.qosState(), false));
        }
    }

    private void run(String verb, CaptureSession session, JsonObject request, JsonObject reply)
            throws IOException, InterruptedException {
        switch (verb) {
            case "snapshot" -> allowOnly(request, "quality");
            case "strategy" -> allowOnly(request, "strategy");
            case "clip" -> allowOnly(request, "trigger");
            case "start", "stop" -> allowOnly(request);
            default -> {
                // config: CameraKeys refuses what is not a camera setting
            }
        }
        switch (verb) {
            case "start" -> {
                session.start();
                reply.addProperty("state", session.state().name());
            }
            case "stop" -> {
                session.stop();
                reply.addProperty("state", session.state().name());
            }
            case "snapshot" -> snapshot(session.camera(), request, reply);
            case "clip" -> clip(session.camera(), request, reply);
            case "strategy" -> {
                String strategy = string(request, "strategy");
                SortedSet<String> registered = strategies.get();
                if (!registered.contains(strategy)) {
                    throw new IllegalArgumentException("unknown delivery strategy '" + CameraKeys.printable(strategy)
                            + "'; registered: " + String.join(", ", registered));
                }
                configure(session.camera(), Map.of(CameraConfiguration.DELIVERY, strategy), reply);
            }
            default -> configure(session.camera(), CameraKeys.of(request, Set.of("id")), reply);
        }
    }

    /** Refuses fields a verb does not take (a file name, say), so a mistyped request does not half-work. */
    private static void allowOnly(JsonObject request, String... fields) {
        Set<String> allowed = new java.util.HashSet<>(Set.of(fields));
        allowed.add("id");
        for (String key : request.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("'" + CameraKeys.printable(key) + "' is not a field of this "
                        + "command; it takes " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String string(JsonObject request, String key) {
        JsonElement value = request.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("'" + key + "' is missing; send {\"" + key + "\": \"...\"}");
        }
        return value.getAsString();
    }

    private void snapshot(String camera, JsonObject request, JsonObject reply) throws InterruptedException {
        float quality = 0.8f;
        if (request.has("quality")) {
            JsonElement q = request.get("quality");
            if (!q.isJsonPrimitive() || !q.getAsJsonPrimitive().isNumber() || q.getAsDouble() < 0.05
                    || q.getAsDouble() > 1) {
                throw new IllegalArgumentException("quality must be a number between 0.05 and 1");
            }
            quality = (float) q.getAsDouble();
        }
        FrameGrabber.Jpeg jpeg = grabber.jpeg(camera, quality, FRAME_MILLIS);
        if (jpeg.bytes().length > settings.snapshotMaxBytes()) {
            throw new IllegalStateException("the snapshot's JPEG has " + jpeg.bytes().length + " bytes, more than "
                    + "snapshot.max.bytes " + settings.snapshotMaxBytes() + "; ask for a lower quality or raise "
                    + "the limit");
        }
        JsonObject notice = new JsonObject();
        notice.addProperty("camera", camera);
        notice.addProperty("time", jpeg.timeMillis());
        notice.addProperty("sequence", jpeg.sequence());
        notice.addProperty("width", jpeg.width());
        notice.addProperty("height", jpeg.height());
        notice.addProperty("bytes", jpeg.bytes().length);
        notice.addProperty("topic", topics.snapshotJpeg(camera));
        outbox.offer(new Outbound(topics.snapshotJpeg(camera), jpeg.bytes(), settings.qosEvents(), true));
        outbox.offer(Outbound.text(topics.snapshotNotice(camera), notice.toString(), settings.qosEvents(), false));
        notice.entrySet().forEach(entry -> reply.add(entry.getKey(), entry.getValue()));
    }

    /** Triggers the camera's event recorders, as motion or {@code kapture:trigger} would. */
    private void clip(String camera, JsonObject request, JsonObject reply) {
        String trigger = request.has("trigger") ? string(request, "trigger") : "mqtt";
        if (!TRIGGER.matcher(trigger).matches()) {
            throw new IllegalArgumentException("trigger '" + CameraKeys.printable(trigger) + "' must be 1 to 32 "
                    + "letters, digits, '_' or '-' (it becomes part of the clip's file name)");
        }
        RecorderSource source = recorder.get().orElseThrow(() -> new IllegalStateException("node "
                + settings.nodeId() + " has no recorder: install feature kapture-recorder and configure an event "
                + "recorder (io.kapture.processor.recorder, mode event)"));
        boolean hasEventRecorder = source.recorders().stream()
                .anyMatch(one -> one.event() && one.camera().equals(camera));
        if (!hasEventRecorder) {
            throw new IllegalStateException("camera " + camera + " has no event recorder: configure one "
                    + "(io.kapture.processor.recorder with camera " + camera + " and mode event)");
        }
        int triggered = source.trigger(camera, trigger);
        if (triggered == 0) {
            throw new IllegalStateException("camera " + camera + "'s event recorders did not take the trigger "
                    + "(they went away meanwhile); check kapture:recordings");
        }
        reply.addProperty("trigger", trigger);
        reply.addProperty("triggered", triggered);
    }

    /** Writes {@code changes} over the camera's configuration and puts the engine's verdict into the reply. */
    private void configure(String camera, Map<String, Object> changes, JsonObject reply)
            throws IOException, InterruptedException {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("no settings given; send {\"key\": value, ...} with keys such as "
                    + "fps, width, delivery");
        }
        Map<String, Object> properties = new LinkedHashMap<>(store.read(camera).orElseThrow(
                () -> new IllegalStateException("camera " + camera + " has no configuration to change")));
        Optional<String> before = store.lastError(camera);
        changes.forEach((key, value) -> {
            if (value == null) {
                properties.remove(key);
            } else {
                properties.put(key, value);
            }
        });
        store.write(camera, properties);
        Optional<String> error = store.verdict(camera, properties, before, VERDICT_MILLIS);
        if (error.isPresent()) {
            throw new IllegalArgumentException(error.get());
        }
        reply.add("applied", Settings.json(changes));
    }
}
