package io.kapture.mqtt.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.osgi.service.event.Event;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.kapture.mqtt.internal.RecorderSource.Recorder;

/**
 * Announces finished recordings and publishes what each camera's recorders do. A recording is announced when the
 * recorder's {@code io/kapture/recording/v1/FINISHED} event arrives (see {@link RecordingPayload}): at once, once
 * per file however short, with the closed file's own figures, not retained, on {@code <prefix>/<camera>/recording}.
 *
 * <p>Each camera's recorders' state ({@code recording}, {@code idle}, {@code failing}, the current file) goes
 * retained to {@code <prefix>/<camera>/recorder} whenever it changes, and an empty retained message clears it when
 * the camera has no recorder any more. The state is read from {@link RecorderSource#recorders()} (the recorders'
 * in-memory snapshots, no file is read) right after each recorder event, and besides every
 * {@code stats.interval.seconds}: some changes come with no event (a recorder configured or removed, an encoder
 * missing), and this slow look also mends anything an event could not say, e.g. while EventAdmin restarts.
 *
 * <p>Threading contract: {@link #finished} from any thread (EventAdmin's): it only queues into the outbox;
 * {@link #reconcile}, {@link #tick} and {@link #republish} on the bridge's timer thread only; the figures from any
 * thread.
 */
final class RecorderWatch {

    private final MqttSettings settings;
    private final Topics topics;
    private final Outbox outbox;
    private final Supplier<Optional<RecorderSource>> source;
    private final Map<String, String> published = new HashMap<>();
    private final AtomicLong announced = new AtomicLong();
    private volatile boolean present;
    /** Set by the link's thread after a (re)connect, read by the timer's. */
    private volatile boolean republish = true;
    private long nextReconcile;

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

    /** A recorder event: a FINISHED one is announced. Never waits (EventAdmin's thread). */
    void finished(Event event, long now) {
        RecordingPayload.finished(event, now).ifPresent(notice -> {
            announced.incrementAndGet();
            outbox.offer(Outbound.text(topics.recording(notice.camera()), notice.json().toString(),
                    settings.qosEvents(), false));
        });
    }

    /** The bridge's one-second timer: the state is looked at every stats interval, or at once after a reconnect. */
    void tick(long now) {
        if (republish || now - nextReconcile >= 0) {
            reconcile(now);
        }
    }

    /** Publishes each camera's recorder state that changed (all of them after a reconnect). */
    void reconcile(long now) {
        nextReconcile = now + TimeUnit.SECONDS.toMillis(settings.statsIntervalSeconds());
        Optional<RecorderSource> recorder = source.get();
        present = recorder.isPresent();
        List<Recorder> recorders = recorder.map(RecorderSource::recorders).orElse(List.of());
        Map<String, List<Recorder>> byCamera = new TreeMap<>();
        for (Recorder one : recorders) {
            if (Topics.isLevel(one.camera())) {
                byCamera.computeIfAbsent(one.camera(), camera -> new ArrayList<>()).add(one);
            }
        }
        boolean again = republish;
        republish = false;
        for (Map.Entry<String, List<Recorder>> camera : byCamera.entrySet()) {
            String state = state(camera.getKey(), camera.getValue()).toString();
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

    /** For kapture:mqtt: recordings announced, or that there is no recorder. */
    String describe() {
        return present ? announced.get() + " finished recordings announced"
                : "no recorder bundle (feature kapture-recorder)";
    }

    /** The retained document of one camera's recorders (schema in the README's MQTT section). */
    static JsonObject state(String camera, List<Recorder> recorders) {
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
            one.addProperty("filesUnfinished", recorder.filesUnfinished());
            one.addProperty("lastError", recorder.lastError().orElse(null));
            each.add(one);
        }
        state.add("recorders", each);
        return state;
    }
}
