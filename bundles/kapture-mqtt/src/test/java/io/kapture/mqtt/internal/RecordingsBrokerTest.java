package io.kapture.mqtt.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import io.kapture.mqtt.testing.Mosquitto;
import io.kapture.mqtt.testing.Subscriber;

/**
 * Recordings over MQTT against a real Mosquitto, with the recorder bundle played by {@link FakeRecordings}: a
 * finished continuous segment and a finished event clip are each announced once, the recorders' state is retained
 * and follows them (recording, idle, failing, gone), and the {@code clip} command triggers the event recorders.
 */
class RecordingsBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SEGMENT = "/rec/lobby-20261205-010203-004.avi";
    private static final String CLIP = "/rec/lobby-20261205-010205-000.motion.avi";

    @TempDir
    static Path folder;
    static Mosquitto broker;

    @BeforeAll
    static void startBroker() {
        broker = Mosquitto.start(folder);
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

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
                await().atMost(WAIT).until(() -> BridgeBrokerTest.retained(broker, "kapture/r1/lobby/recorder")
                        .contains("lobby-20261205-010203-004.avi"));
                JsonObject state = BridgeBrokerTest.json(last(watcher, "kapture/r1/lobby/recorder"));
                assertEquals("recording", recorder(state, 0).get("state").getAsString());
                assertEquals("continuous", recorder(state, 0).get("kind").getAsString());
                assertEquals("idle", recorder(state, 1).get("state").getAsString());

                recordings.set(FakeRecordings.continuous("lobby", "/rec/lobby-20261205-010233-100.avi", 0, 0, 0, 1),
                        FakeRecordings.event("lobby", CLIP, "motion", 50, 2000, 1700, 1));
                await().atMost(WAIT).until(() -> watcher.on("kapture/r1/lobby/recording").size() == 1);
                JsonObject segment = BridgeBrokerTest.json(watcher.on("kapture/r1/lobby/recording").get(0));
                assertFalse(watcher.on("kapture/r1/lobby/recording").get(0).retained());
                assertEquals("lobby-20261205-010203-004.avi", segment.get("file").getAsString());
                assertEquals("continuous", segment.get("kind").getAsString());
                assertFalse(segment.has("trigger"));
                long start = Instant.parse("2026-12-05T01:02:03.004Z").toEpochMilli();
                assertEquals(start, segment.get("startMillis").getAsLong());
                assertEquals(start + 1000, segment.get("endMillis").getAsLong());
                assertEquals(30, segment.get("frames").getAsLong());
                assertEquals(1000, segment.get("bytes").getAsLong(), "no such file here: the size last reported");
                assertEquals("avi", segment.get("format").getAsString());
                await().atMost(WAIT).until(() -> BridgeBrokerTest.retained(broker, "kapture/r1/lobby/recorder")
                        .contains("\"trigger\":\"motion\""));

                watcher.publish("kapture/r1/lobby/cmd/clip", "{\"trigger\":\"doorbell\"}", false);
                await().atMost(WAIT).until(() -> !watcher.on("kapture/r1/lobby/cmd/clip/reply").isEmpty());
                JsonObject reply = BridgeBrokerTest.json(watcher.on("kapture/r1/lobby/cmd/clip/reply").get(0));
                assertTrue(reply.get("ok").getAsBoolean(), reply.toString());
                assertEquals(1, reply.get("triggered").getAsInt());
                assertEquals(List.of("lobby:doorbell"), recordings.triggers);

                recordings.set(new io.kapture.processor.recorder.RecordingProgress("lobby", Optional.empty(), 0, 0,
                        0, 1, 0, Optional.of("disk full")), FakeRecordings.event("lobby", null, null, 0, 0, 0, 2));
                await().atMost(WAIT).until(() -> watcher.on("kapture/r1/lobby/recording").size() == 3);
                JsonObject clip = BridgeBrokerTest.json(watcher.on("kapture/r1/lobby/recording").stream()
                        .filter(message -> message.text().contains(".motion.avi")).findFirst().orElseThrow());
                assertEquals("event", clip.get("kind").getAsString());
                assertEquals("motion", clip.get("trigger").getAsString());
                assertEquals(50, clip.get("frames").getAsLong());
                await().atMost(WAIT).until(() -> BridgeBrokerTest.retained(broker, "kapture/r1/lobby/recorder")
                        .contains("\"failing\""));
                assertTrue(BridgeBrokerTest.retained(broker, "kapture/r1/lobby/recorder").contains("disk full"));

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

    private static Subscriber.Message last(Subscriber watcher, String topic) {
        List<Subscriber.Message> messages = watcher.on(topic);
        return messages.isEmpty() ? new Subscriber.Message(topic, new byte[] { 'x' }, false, 0)
                : messages.get(messages.size() - 1);
    }

    private static JsonObject recorder(JsonObject state, int index) {
        return state.getAsJsonArray("recorders").get(index).getAsJsonObject();
    }
}
