package io.kapture.mqtt.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;

import io.kapture.api.CaptureSession;

/**
 * Publishes what the node's cameras do: each camera's state, retained, whenever it changes (state, error, format,
 * device, delivery), an empty retained message when a camera goes away, the node's status when the camera list
 * changes, and statistics every {@code stats.interval.seconds} (with the sections optional bundles add: motion,
 * snapshots). Called once a second; after a (re)connect
 * everything retained is published again, in case the broker lost it.
 *
 * <p>Threading contract: {@link #tick} and {@link #republish} run on the bridge's timer thread only; the sessions
 * are read through their thread-safe interface.
 */
final class CameraReporter {

    private static final Logger LOG = LoggerFactory.getLogger(CameraReporter.class);

    private final MqttSettings settings;
    private final Topics topics;
    private final Outbox outbox;
    private final Supplier<List<CaptureSession>> sessions;
    private final Supplier<JsonObject> status;
    private final HomeAssistant homeAssistant;
    private final Supplier<List<StatsSection>> sections;
    private final Map<String, String> published = new HashMap<>();
    private TreeSet<String> cameras = new TreeSet<>();
    private long nextStats;
    private volatile boolean republish = true;

    CameraReporter(MqttSettings settings, Topics topics, Outbox outbox, Supplier<List<CaptureSession>> sessions,
            Supplier<JsonObject> status, HomeAssistant homeAssistant, Supplier<List<StatsSection>> sections) {
        this.settings = settings;
        this.topics = topics;
        this.outbox = outbox;
        this.sessions = sessions;
        this.status = status;
        this.homeAssistant = homeAssistant;
        this.sections = sections;
    }

    /** Publish every retained message again at the next tick. */
    void republish() {
        republish = true;
    }

    void tick(long now) {
        boolean again = republish;
        republish = false;
        TreeSet<String> seen = new TreeSet<>();
        List<CaptureSession> current = sessions.get();
        for (CaptureSession session : current) {
            String camera = session.camera();
            if (!Topics.isLevel(camera)) {
                continue;
            }
            seen.add(camera);
            String state = Payloads.state(session).toString();
            if (again || !state.equals(published.get(camera))) {
                published.put(camera, state);
                outbox.offer(Outbound.text(topics.state(camera), state, settings.qosState(), true));
            }
        }
        for (String gone : cameras) {
            if (!seen.contains(gone)) {
                published.remove(gone);
                outbox.offer(new Outbound(topics.state(gone), new byte[0], settings.qosState(), true));
                homeAssistant.removed(gone);
            }
        }
        boolean statsDue = now >= nextStats;
        if (again || !seen.equals(cameras) || statsDue) {
            for (String camera : seen) {
                if (again || !cameras.contains(camera)) {
                    homeAssistant.added(camera);
                }
            }
            cameras = seen;
            outbox.offer(Outbound.text(topics.status(), status.get().toString(), settings.qosState(), true));
        }
        if (statsDue) {
            nextStats = now + settings.statsIntervalSeconds() * 1000L;
            List<StatsSection> extra = sections.get();
            for (CaptureSession session : current) {
                String camera = session.camera();
                if (Topics.isLevel(camera)) {
                    JsonObject stats = Payloads.stats(session, now);
                    extra.forEach(section -> add(section, stats, camera));
                    outbox.offer(Outbound.latest(topics.stats(camera), stats.toString(), settings.qosStats()));
                }
            }
        }
    }

    /**
     * Adds one optional section; one whose bundle is stopping (its service gone, or its package unwired) is left
     * out of this payload rather than ending the timer thread's tick.
     */
    private static void add(StatsSection section, JsonObject stats, String camera) {
        try {
            section.addTo(stats, camera);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("A section of camera {}'s stats is left out: {}", camera, e.toString());
        }
    }

    /** The cameras published last. */
    TreeSet<String> cameras() {
        return new TreeSet<>(cameras);
    }
}
