package io.kapture.mqtt.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.kapture.api.SessionState;
import io.kapture.mqtt.testing.Mosquitto;
import io.kapture.mqtt.testing.MosquittoBroker;
import io.kapture.mqtt.testing.Subscriber;

/**
 * The bridge against a real Mosquitto, checked with mosquitto_sub (an independent client) and a Paho subscriber:
 * retained status and state, stats, motion, a command round trip, the offline status on a clean stop.
 */
class BridgeBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final MosquittoBroker broker = new MosquittoBroker();

    static JsonObject json(Subscriber.Message message) {
        return JsonParser.parseString(message.text()).getAsJsonObject();
    }

    /** The retained message of {@code topic} as mosquitto_sub sees it. */
    static String retained(String topic) {
        return broker.retained(topic);
    }

    @Test
    void publishesStatusStateStatsAndMotionAndAnswersCommands() throws Exception {
        FakeSession lobby = new FakeSession("lobby");
        lobby.delivery = "zerocopy";
        lobby.fallbackDelivery = "pool";
        lobby.fallbackReason = "/dev/video20 is a v4l2loopback device";
        lobby.sequenceRepeats = 2;
        MemoryStore store = new MemoryStore();
        store.cameras.put("lobby", java.util.Map.of("name", "lobby", "width", 640));
        try (Subscriber watcher = new Subscriber(broker.uri(), "watcher-1", false, "kapture/n1/#")) {
            BridgeRuntime bridge = Bridges.start(Bridges.config(broker.uri(), "n1").with("commands.enabled", true),
                    List.of(lobby), store);
            try {
                await().atMost(WAIT).until(() -> retained("kapture/n1/status").contains("\"online\""));
                JsonObject status = JsonParser.parseString(retained("kapture/n1/status")).getAsJsonObject();
                assertEquals("n1", status.get("node").getAsString());
                assertEquals("1.2.3", status.get("version").getAsString());
                assertEquals("lobby", status.getAsJsonArray("cameras").get(0).getAsString());
                await().atMost(WAIT).until(() -> retained("kapture/n1/lobby/state").contains("RUNNING"));
                JsonObject state = JsonParser.parseString(retained("kapture/n1/lobby/state")).getAsJsonObject();
                assertEquals("zerocopy", state.get("delivery").getAsString());
                assertEquals("pool", state.get("effectiveDelivery").getAsString());
                assertEquals("/dev/video20 is a v4l2loopback device", state.get("deliveryFallback").getAsString());
                await().atMost(WAIT).until(() -> !watcher.on("kapture/n1/lobby/stats").isEmpty());
                JsonObject stats = json(watcher.on("kapture/n1/lobby/stats").get(0));
                assertEquals(30.0, stats.get("fps").getAsDouble());
                assertEquals(2, stats.get("sequenceRepeats").getAsLong());

                lobby.lastError = "camera lobby: device went away";
                lobby.state = SessionState.FAILED;
                await().atMost(WAIT).until(() -> retained("kapture/n1/lobby/state").contains("device went away"));

                bridge.motion(Bridges.motion("lobby", "START", 41));
                bridge.motion(Bridges.motion("lobby", "END", 42));
                await().atMost(WAIT).until(() -> watcher.on("kapture/n1/lobby/motion").size() == 2);
                List<Subscriber.Message> motion = watcher.on("kapture/n1/lobby/motion");
                assertEquals("START", json(motion.get(0)).get("event").getAsString());
                assertEquals(42, json(motion.get(1)).get("sequence").getAsLong());

                watcher.publish("kapture/n1/lobby/cmd/stop", "{\"id\":\"x9\"}", false);
                await().atMost(WAIT).until(() -> !watcher.on("kapture/n1/lobby/cmd/stop/reply").isEmpty());
                JsonObject reply = json(watcher.on("kapture/n1/lobby/cmd/stop/reply").get(0));
                assertTrue(reply.get("ok").getAsBoolean(), reply.toString());
                assertEquals("x9", reply.get("id").getAsString());
                assertEquals(1, lobby.stops);

                watcher.publish("kapture/n1/hall/cmd/stop", "", false);
                await().atMost(WAIT).until(() -> !watcher.on("kapture/n1/hall/cmd/stop/reply").isEmpty());
                assertFalse(json(watcher.on("kapture/n1/hall/cmd/stop/reply").get(0)).get("ok").getAsBoolean());
            } finally {
                bridge.stop();
            }
            assertTrue(retained("kapture/n1/status").contains("\"offline\""), "clean stop publishes offline");
        }
    }

    /**
     * A reconfiguration: SCR deactivates the old bridge and activates the new one back to back, neither waiting for
     * the network. The new runtime connects only once the old one has said offline, so the node ends up shown
     * online; while the old one's stop is pending, the new one stays off the broker.
     */
    @Test
    void aReplacingRuntimeConnectsOnlyAfterTheOneItReplacesHasSaidOffline() throws Exception {
        FakeSession lobby = new FakeSession("lobby");
        try (Subscriber watcher = new Subscriber(broker.uri(), "watcher-handover", false, "kapture/n8/status")) {
            BridgeRuntime old = Bridges.start(Bridges.config(broker.uri(), "n8"), List.of(lobby), new MemoryStore());
            await().atMost(WAIT).until(() -> retained("kapture/n8/status").contains("\"online\""));

            java.util.concurrent.CompletableFuture<Void> pending = new java.util.concurrent.CompletableFuture<>();
            BridgeRuntime held = Bridges.create(Bridges.config(broker.uri(), "n8"), List.of(lobby), new MemoryStore());
            held.startAfter(pending);
            java.util.concurrent.CompletableFuture<Void> oldStopped = old.stopAsync();
            await().atMost(WAIT).until(oldStopped::isDone);
            await().atMost(WAIT).until(() -> retained("kapture/n8/status").contains("\"offline\""));
            await().during(Duration.ofMillis(1500)).atMost(WAIT)
                    .until(() -> retained("kapture/n8/status").contains("\"offline\""));
            held.stopAsync();
            pending.complete(null);

            BridgeRuntime replacing = Bridges.create(Bridges.config(broker.uri(), "n8"), List.of(lobby),
                    new MemoryStore());
            BridgeRuntime previous = Bridges.start(Bridges.config(broker.uri(), "n8"), List.of(lobby),
                    new MemoryStore());
            await().atMost(WAIT).until(() -> retained("kapture/n8/status").contains("\"online\""));
            replacing.startAfter(previous.stopAsync());
            try {
                await().atMost(WAIT).until(() -> {
                    List<Subscriber.Message> statuses = watcher.on("kapture/n8/status");
                    return !statuses.isEmpty() && statuses.get(statuses.size() - 1).text().contains("\"online\"")
                            && statuses.stream().filter(m -> m.text().contains("\"offline\"")).count() >= 2;
                });
                await().during(Duration.ofMillis(500)).atMost(WAIT)
                        .until(() -> retained("kapture/n8/status").contains("\"online\""));
            } finally {
                replacing.stop();
            }
        }
    }

    @Test
    void commandsAreIgnoredUnlessEnabled() throws Exception {
        FakeSession lobby = new FakeSession("lobby");
        try (Subscriber watcher = new Subscriber(broker.uri(), "watcher-2", false, "kapture/n2/#")) {
            BridgeRuntime bridge = Bridges.start(Bridges.config(broker.uri(), "n2"), List.of(lobby),
                    new MemoryStore());
            try {
                await().atMost(WAIT).until(() -> retained("kapture/n2/lobby/state").contains("RUNNING"));
                watcher.publish("kapture/n2/lobby/cmd/stop", "", false);
                bridge.motion(Bridges.motion("lobby", "START", 1)); // published after the command arrived
                await().atMost(WAIT).until(() -> !watcher.on("kapture/n2/lobby/motion").isEmpty());
                assertTrue(watcher.on("kapture/n2/lobby/cmd/stop/reply").isEmpty());
                assertEquals(0, lobby.stops);
            } finally {
                bridge.stop();
            }
        }
    }

    @Test
    void aWrongPasswordIsOneClearLineAndRetriedWithBackoff(@TempDir Path secured) throws Exception {
        Path passwords = secured.resolve("passwd");
        new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), "cam", "right-secret").start()
                .waitFor(10, TimeUnit.SECONDS);
        passwords.toFile().setReadable(true, false);
        secured.toFile().setExecutable(true, false);
        try (Mosquitto locked = Mosquitto.start(secured, "allow_anonymous false", "password_file " + passwords)) {
            PrintStream original = System.err;
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            BridgeRuntime bridge;
            try {
                bridge = Bridges.start(Bridges.config(locked.uri(), "n3").with("username", "cam")
                        .with("password", "wrong-secret").with("reconnect.min.ms", 100L)
                        .with("reconnect.max.ms", 800L), List.of(), new MemoryStore());
                await().atMost(WAIT).until(() -> locked.log().split("not authorised", -1).length > 4);
                bridge.stop();
            } finally {
                System.setErr(original);
            }
            String text = log.toString(StandardCharsets.UTF_8);
            long lines = text.lines().filter(line -> line.contains("refused the login")).count();
            assertEquals(1, lines, text);
            assertFalse(text.contains("wrong-secret"), "the password is never logged");
            assertTrue(bridge.view().lastError().orElseThrow().contains("(user cam)"));

            BridgeRuntime right = Bridges.start(Bridges.config(locked.uri(), "n3").with("username", "cam")
                    .with("password", "right-secret"), List.of(), new MemoryStore());
            try {
                await().atMost(WAIT).until(() -> right.view().connected());
                assertFalse(right.view().toString().contains("right-secret"));
            } finally {
                right.stop();
            }
        }
    }
}
