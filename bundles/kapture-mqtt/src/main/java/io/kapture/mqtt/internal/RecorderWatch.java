package io.kapture.mqtt.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.kapture.mqtt.internal.RecorderSource.Recorder;

/**
 * Announces finished recordings and publishes what each camera's recorders do, by polling
 * {@link RecorderSource#recorders()} on the bridge's one-second timer (cheap: the recorder's in-memory snapshots,
 * no file is read). A file that a recorder was writing at the last poll and is not writing now has been finished
 * (a continuous segment rotated or closed, an event clip ended): it is announced once, not retained, on
 * {@code <prefix>/<camera>/recording}, with the frames and duration of the last poll (so up to a second short)
 * and the file's size on disk once closed. Each camera's recorders' state ({@code recording}, {@code idle},
 * {@code failing}, the current file) goes retained to {@code <prefix>/<camera>/recorder} whenever it changes, and
 * an empty retained message clears it when the camera has no recorder any more. A file begun and finished between
 * two polls (shorter than a second) is not announced.
 *
 * <p>Threading contract: {@link #tick} and {@link #republish} run on the bridge's timer thread only; the figures
 * from any thread.
 */
final class RecorderWatch {

    private final MqttSettings settings;
    private final Topics topics;
    private final Outbox outbox;
    private final Supplier<Optional<RecorderSource>> source;
    private final RecordingNotices notices = new RecordingNotices();
    private Map<String, Recorder> writing = new HashMap<>();
    private final Map<String, String> published = new HashMap<>();
    private volatile long announced;
    private volatile boolean present;
    private boolean republish = true;

    RecorderWatch(MqttSettings settings, Topics topics, Outbox outbox, Supplier<Optional<RecorderSource>> source) {
        this.settings = settings;
        this.topics = topics;
        this.outbox = outbox;
        this.source = source;
    }

    /** After a (re)connect: publish every camera's recorder state again, in case the broker lost it. */
    void republish() {
        republish = true;
    }

    void tick(long now) {
        Optional<RecorderSource> recorder = source.get();
        present = recorder.isPresent();
        List<Recorder> recorders = recorder.map(RecorderSource::recorders).orElse(List.of());
        Map<String, Recorder> nowWriting = new HashMap<>();
        Map<String, List<Recorder>> byCamera = new TreeMap<>();
        for (Recorder one : recorders) {
            if (!Topics.isLevel(one.camera())) {
                continue;
            }
            one.file().ifPresent(file -> nowWriting.put(file, one));
            byCamera.computeIfAbsent(one.camera(), camera -> new ArrayList<>()).add(one);
        }
        for (Map.Entry<String, Recorder> was : writing.entrySet()) {
            if (!nowWriting.containsKey(was.getKey())) {
                announce(was.getKey(), was.getValue(), now);
            }
        }
        writing = nowWriting;
        boolean again = republish;
        republish = false;
        for (Map.Entry<String, List<Recorder>> camera : byCamera.entrySet()) {
            String state = notices.state(camera.getKey(), camera.getValue()).toString();
            if (again || !state.equals(published.get(camera.getKey()))) {
                published.put(camera.getKey(), state);
                outbox.offer(Outbound.text(topics.recorder(camera.getKey()), state, settings.qosState(), true));
            }
        }
        for (String gone : List.copyOf(published.keySet())) {
            if (!byCamera.containsKey(gone)) {
                published.remove(gone);
                outbox.offer(new Outbound(topics.recorder(gone), new byte[0], settings.qosState(), true));
            }
        }
    }

    private void announce(String file, Recorder last, long now) {
        long bytes = last.bytes();
        try {
            bytes = Files.size(Path.of(file));
        } catch (IOException | RuntimeException gone) {
            // deleted already, or not on this file system (a fake in tests): the size of the last poll
        }
        JsonObject notice = notices.finished(file, last, bytes, now);
        announced++;
        outbox.offer(Outbound.text(topics.recording(last.camera()), notice.toString(), settings.qosEvents(), false));
    }

    /** For kapture:mqtt: recordings announced, or that there is no recorder. */
    String describe() {
        return present ? announced + " finished recordings announced" : "no recorder bundle (feature kapture-recorder)";
    }

    /** The JSON documents of the recorder topics (schemas in the README's MQTT section). Stateless. */
    static final class RecordingNotices {

        JsonObject finished(String file, Recorder last, long bytes, long now) {
            String name = Path.of(file).getFileName().toString();
            JsonObject notice = new JsonObject();
            notice.addProperty("camera", last.camera());
            notice.addProperty("file", name);
            notice.addProperty("path", file);
            notice.addProperty("kind", last.event() ? "event" : "continuous");
            if (last.event()) {
                notice.addProperty("trigger", last.clipTrigger().orElseGet(() -> RecordingNames.trigger(name)));
            }
            long start = RecordingNames.startMillis(name).orElse(now - last.durationMillis());
            notice.addProperty("startMillis", start);
            notice.addProperty("endMillis", start + last.durationMillis());
            notice.addProperty("durationMillis", last.durationMillis());
            notice.addProperty("frames", last.frames());
            notice.addProperty("bytes", bytes);
            notice.addProperty("format", RecordingNames.format(name));
            notice.addProperty("time", now);
            return notice;
        }

        JsonObject state(String camera, List<Recorder> recorders) {
            JsonObject state = new JsonObject();
            state.addProperty("camera", camera);
            JsonArray each = new JsonArray();
            for (Recorder recorder : recorders) {
                JsonObject one = new JsonObject();
                one.addProperty("kind", recorder.event() ? "event" : "continuous");
                one.addProperty("state", recorder.file().isPresent() ? "recording"
                        : recorder.lastError().isPresent() ? "failing" : "idle");
                one.addProperty("file", recorder.file().map(f -> Path.of(f).getFileName().toString()).orElse(null));
                recorder.clipTrigger().ifPresent(trigger -> one.addProperty("trigger", trigger));
                one.addProperty("filesCompleted", recorder.filesCompleted());
                one.addProperty("lastError", recorder.lastError().orElse(null));
                each.add(one);
            }
            state.add("recorders", each);
            return state;
        }
    }
}
