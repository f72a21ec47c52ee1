package io.kapture.mqtt.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.gson.JsonObject;

import io.kapture.mqtt.testing.MosquittoBroker;
import io.kapture.mqtt.testing.Subscriber;

/**
 * Recordings over MQTT against a real Mosquitto, with the recorder bundle played by {@link FakeRecordings} (its
 * state) and {@link RecorderEvents} (its EventAdmin events, handed to the bridge as EventAdmin would): a finished
 * continuous segment and a finished event clip are each announced once with the event's figures, a file shorter
 * than a second that no look at the recorders ever saw is announced at once, the recorders' state is retained and
 * follows them (recording, idle, failing, gone) right after each event, and the {@code clip} command triggers the
 * event recorders.
 */
class RecordingsBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SEGMENT = "/rec/lobby-20261205-010203-004.avi";
    private static final String CLIP = "/rec/lobby-20261205-010205-000.motion.avi";
    private static final String NEXT = "/rec/lobby-20261205-010204-037.avi";

    @RegisterExtension
    static final MosquittoBroker broker = new MosquittoBroker();

    @Test
    void finishedRecordingsAreAnnouncedAndTheRecordersStateIsRetained() throws Exception {
        FakeRecordings recordings = new FakeRecordings();
        recordings.set(FakeRecordings.continuous("lobby", SEGMENT, 30, 1000, 1000, 0),
                FakeRecordings.event("lobby", null, null, 0, 0, 0, 0));
        try (Subscriber watcher = new Subscriber(broker.uri(), "watcher-r1", false, "kapture/r1/#")) {
            BridgeRuntime bridge = Bridges.create(Bridges.config(broker.uri(), "r1").with("commands.enabled", true),
                    List.of(new FakeSession("lobby")), new MemoryStore(), Optional.of(recordings));
            bridge.start();
            try {
                await().atMost(WAIT).until(() -> broker.retained("kapture/r1/lobby/recorder")
                        .contains("lobby-20261205-010203-004.avi"));
                JsonObject state = BridgeBrokerTest.json(last(watcher, "kapture/r1/lobby/recorder"));
                assertEquals("recording", recorder(state, 0).get("state").getAsString());
                assertEquals("continuous", recorder(state, 0).get("kind").getAsString());
                assertEquals("idle", recorder(state, 1).get("state").getAsString());

                long start = Instant.parse("2026-12-05T01:02:03.004Z").toEpochMilli();
                recordings.set(FakeRecordings.continuous("lobby", NEXT, 0, 0, 0, 1),
                        FakeRecordings.event("lobby", CLIP, "motion", 50, 2000, 1700, 1));
                bridge.recording(RecorderEvents.finished("lobby", SEGMENT, null, start, 1000, 30, 1000, "rotated",
                        null));
                bridge.recording(RecorderEvents.started("lobby", NEXT, null, start + 1033));
                bridge.recording(RecorderEvents.started("lobby", CLIP, "motion", start + 2000));
                await().atMost(WAIT).until(() -> watcher.on("kapture/r1/lobby/recording").size() == 1);
                JsonObject segment = BridgeBrokerTest.json(watcher.on("kapture/r1/lobby/recording").get(0));
                assertFalse(watcher.on("kapture/r1/lobby/recording").get(0).retained());
                assertEquals("lobby-20261205-010203-004.avi", segment.get("file").getAsString());
                assertEquals("continuous", segment.get("kind").getAsString());
                assertFalse(segment.has("trigger"));
                assertEquals(SEGMENT, segment.get("path").getAsString());
                assertEquals(start, segment.get("startMillis").getAsLong());
                assertEquals(start + 1000, segment.get("endMillis").getAsLong());
                assertEquals(1000, segment.get("durationMillis").getAsLong());
                assertEquals(30, segment.get("frames").getAsLong());
                assertEquals(1000, segment.get("bytes").getAsLong());
                assertEquals("avi", segment.get("format").getAsString());
                assertEquals("rotated", segment.get("reason").getAsString());
                assertFalse(segment.has("error"));
                await().atMost(WAIT).until(() -> broker.retained("kapture/r1/lobby/recorder")
                        .contains("\"trigger\":\"motion\""));

                watcher.publish("kapture/r1/lobby/cmd/clip", "{\"trigger\":\"doorbell\"}", false);
                await().atMost(WAIT).until(() -> !watcher.on("kapture/r1/lobby/cmd/clip/reply").isEmpty());
                JsonObject reply = BridgeBrokerTest.json(watcher.on("kapture/r1/lobby/cmd/clip/reply").get(0));
                assertTrue(reply.get("ok").getAsBoolean(), reply.toString());
                assertEquals(1, reply.get("triggered").getAsInt());
                assertEquals(List.of("lobby:doorbell"), recordings.triggers);

                recordings.set(new io.kapture.processor.recorder.RecordingProgress("lobby", Optional.empty(), 0, 0,
                        0, 2, 0, Optional.of("disk full")), FakeRecordings.event("lobby", null, null, 0, 0, 0, 2));
                bridge.recording(RecorderEvents.finished("lobby", NEXT, null, start + 1033, 400, 13, 300_000,
                        "error", "disk full"));
                bridge.recording(RecorderEvents.finished("lobby", CLIP, "motion", start + 2000, 1700, 50, 2000,
                        "clip-ended", null));
                await().atMost(WAIT).until(() -> watcher.on("kapture/r1/lobby/recording").size() == 3);
                JsonObject clip = BridgeBrokerTest.json(watcher.on("kapture/r1/lobby/recording").stream()
                        .filter(message -> message.text().contains(".motion.avi")).findFirst().orElseThrow());
                assertEquals("event", clip.get("kind").getAsString());
                assertEquals("motion", clip.get("trigger").getAsString());
                assertEquals(50, clip.get("frames").getAsLong());
                assertEquals("clip-ended", clip.get("reason").getAsString());
                JsonObject failed = BridgeBrokerTest.json(watcher.on("kapture/r1/lobby/recording").get(1));
                assertEquals("error", failed.get("reason").getAsString());
                assertEquals("disk full", failed.get("error").getAsString());
                await().atMost(WAIT).until(() -> broker.retained("kapture/r1/lobby/recorder")
                        .contains("\"failing\""));
                assertTrue(broker.retained("kapture/r1/lobby/recorder").contains("disk full"));

                recordings.set();
                await().atMost(WAIT).until(() -> last(watcher, "kapture/r1/lobby/recorder").payload().length == 0);
                assertEquals(3, watcher.on("kapture/r1/lobby/recording").size(), "each file announced once");
                assertTrue(bridge.view().recorder().startsWith("3 finished recordings announced"),
                        bridge.view().recorder());
            } finally {
                bridge.stop();
            }
        }
    }

    @Test
    void aFileShorterThanASecondIsAnnouncedAtOnceAndTheStateFollowsTheEvents() throws Exception {
        String first = "/rec/hall-20261205-020000-000.avi";
        String quick = "/rec/hall-20261205-020001-000.avi";
        String third = "/rec/hall-20261205-020001-500.avi";
        FakeRecordings recordings = new FakeRecordings();
        recordings.set(FakeRecordings.continuous("hall", first, 30, 1000, 1000, 0));
        // a look at the recorders every minute only: what follows the first look is the events' doing
        try (Subscriber watcher = new Subscriber(broker.uri(), "watcher-r2", false, "kapture/r2/#")) {
            BridgeRuntime bridge = Bridges.create(Bridges.config(broker.uri(), "r2").with("stats.interval.seconds",
                    60), List.of(new FakeSession("hall")), new MemoryStore(), Optional.of(recordings));
            bridge.start();
            try {
                await().atMost(WAIT).until(() -> broker.retained("kapture/r2/hall/recorder")
                        .contains("hall-20261205-020000-000.avi"));
                long start = Instant.parse("2026-12-05T02:00:00Z").toEpochMilli();
                // the recorder rotates, and the next file lasts half a second: never in recordings() at any look
                recordings.set(FakeRecordings.continuous("hall", third, 1, 9000, 0, 2));
                bridge.recording(RecorderEvents.finished("hall", first, null, start, 1000, 31, 310_000, "rotated",
                        null));
                bridge.recording(RecorderEvents.started("hall", quick, null, start + 1000));
                bridge.recording(RecorderEvents.finished("hall", quick, null, start + 1000, 500, 16, 160_000,
                        "rotated", null));
                bridge.recording(RecorderEvents.started("hall", third, null, start + 1500));

                await().atMost(Duration.ofSeconds(10)).until(() -> watcher.on("kapture/r2/hall/recording").size() == 2);
                JsonObject quickOne = BridgeBrokerTest.json(watcher.on("kapture/r2/hall/recording").get(1));
                assertEquals("hall-20261205-020001-000.avi", quickOne.get("file").getAsString());
                assertEquals(500, quickOne.get("durationMillis").getAsLong());
                assertEquals(16, quickOne.get("frames").getAsLong());
                assertEquals(160_000, quickOne.get("bytes").getAsLong());
                assertEquals(start + 1500, quickOne.get("endMillis").getAsLong());
                await("the state after the events, not a minute later").atMost(Duration.ofSeconds(10))
                        .until(() -> broker.retained("kapture/r2/hall/recorder")
                                .contains("hall-20261205-020001-500.avi"));
                assertTrue(broker.retained("kapture/r2/hall/recorder")
                        .contains("\"filesCompleted\":2,\"filesUnfinished\":0"));
                bridge.recording(new org.osgi.service.event.Event("io/kapture/recording/v1/FINISHED",
                        java.util.Map.of("camera", "hall")));
                bridge.recording(new org.osgi.service.event.Event("io/kapture/recording/v1/FINISHED",
                        java.util.Map.of("camera", "no/such level", "path", "/x.avi")));
                assertTrue(bridge.view().recorder().startsWith("2 finished recordings announced"),
                        "events without a path or a usable camera are not announced: " + bridge.view().recorder());
            } finally {
                bridge.stop();
            }
        }
    }

    private static Subscriber.Message last(Subscriber watcher, String topic) {
        List<Subscriber.Message> messages = watcher.on(topic);
        return messages.isEmpty() ? new Subscriber.Message(topic, new byte[] { 'x' }, false, 0)
                : messages.get(messages.size() - 1);
    }

    private static JsonObject recorder(JsonObject state, int index) {
        return state.getAsJsonArray("recorders").get(index).getAsJsonObject();
    }
}
