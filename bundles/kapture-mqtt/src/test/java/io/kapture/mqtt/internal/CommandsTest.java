package io.kapture.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.kapture.api.SessionState;
import io.kapture.testing.ComponentConfig;

/** The command handler against a fake camera and in-memory configurations: replies and what changes. */
class CommandsTest {

    static final String PREFIX = "kapture/n1";

    final FakeSession lobby = new FakeSession("lobby");
    final MemoryStore store = new MemoryStore();
    Outbox outbox;
    Commands commands;
    FakeRecordings recorder;

    static MqttSettings settings() {
        return ComponentConfig.of(MqttConfig.class).with("server.uri", "tcp://127.0.0.1:1").with("node.id", "n1")
                .with("commands.enabled", true).with("command.max.bytes", 1024).as(MqttSettings::from);
    }

    @BeforeEach
    void setUp() {
        MqttSettings settings = settings();
        outbox = new Outbox(1000, 1 << 20);
        store.cameras.put("lobby", Map.of("name", "lobby", "device", "synthetic", "width", 640));
        commands = new Commands(settings, new Topics(PREFIX, "kapture/fleet"), outbox,
                camera -> camera.equals("lobby") ? Optional.of(lobby) : Optional.empty(), store,
                new FrameGrabber((listener, properties) -> {
                    throw new IllegalStateException("no frames in this test");
                }),
                () -> new TreeSet<>(List.of("copy", "pool", "zerocopy")),
                () -> Optional.ofNullable(recorder).map(RecordingsSource::new));
    }

    JsonObject send(String camera, String verb, String payload) throws InterruptedException {
        return send(PREFIX + "/" + camera + "/cmd/" + verb, payload.getBytes(StandardCharsets.UTF_8)).get(0);
    }

    List<JsonObject> send(String topic, byte[] payload) throws InterruptedException {
        commands.handle(topic, payload);
        List<JsonObject> replies = new ArrayList<>();
        Outbound message;
        while ((message = outbox.peek(0)) != null) {
            outbox.remove(message);
            assertTrue(message.topic().endsWith("/reply"), message.topic());
            replies.add(JsonParser.parseString(new String(message.payload(), StandardCharsets.UTF_8))
                    .getAsJsonObject());
        }
        return replies;
    }

    @Test
    void stopAndStartReplyWithTheNewState() throws InterruptedException {
        JsonObject stopped = send("lobby", "stop", "{\"id\":\"a1\"}");
        assertTrue(stopped.get("ok").getAsBoolean(), stopped.toString());
        assertEquals("a1", stopped.get("id").getAsString());
        assertEquals("STOPPED", stopped.get("state").getAsString());
        JsonObject started = send("lobby", "start", "");
        assertTrue(started.get("ok").getAsBoolean());
        assertEquals(SessionState.RUNNING, lobby.state);
    }

    @Test
    void configChangesTheConfigurationAndRepliesWithWhatWasApplied() throws InterruptedException {
        JsonObject reply = send("lobby", "config", "{\"id\":7,\"width\":320,\"fps\":12.5}");
        assertTrue(reply.get("ok").getAsBoolean(), reply.toString());
        assertEquals(320, store.cameras.get("lobby").get("width"));
        assertEquals(12.5, store.cameras.get("lobby").get("fps"));
        assertEquals("synthetic", store.cameras.get("lobby").get("device"), "other keys kept");
    }

    @Test
    void aValueTheEngineRefusesIsRepliedWithItsExactError() throws InterruptedException {
        JsonObject reply = send("lobby", "config", "{\"width\":-5}");
        assertFalse(reply.get("ok").getAsBoolean());
        assertEquals("camera lobby: width must be between 1 and 16384, was -5", reply.get("error").getAsString());
    }

    @Test
    void refusalsChangeNothing() throws InterruptedException {
        assertError(send("hall", "stop", ""), "no camera 'hall' on node n1");
        assertError(send("lobby", "explode", ""), "unknown command 'explode'; commands: clip, config, snapshot, "
                + "start, "
                + "stop, strategy");
        assertError(send("lobby", "stop", "{\"id\":"), "payload is not valid JSON");
        assertError(send("lobby", "stop", "[1,2]"), "payload is JSON but not an object");
        assertError(send("lobby", "stop", "x".repeat(2000)), "payload of 2000 bytes is larger than the 1024 bytes");
        assertError(send("lobby", "config", "{\"name\":\"evil\"}"), "'name' is not a camera setting");
        assertError(send("lobby", "config", "{\"width\":{\"a\":1}}"), "width must be a string, number, boolean");
        assertError(send("lobby", "snapshot", "{\"file\":\"../../etc/passwd\"}"), "'file' is not a field of this");
        assertError(send("lobby", "strategy", "{\"strategy\":\"fast\"}"), "unknown delivery strategy 'fast'");
        assertError(send("lobby", "config", "{}"), "no settings given");
        assertEquals(0, store.writes.get());
        assertEquals(0, lobby.starts + lobby.stops);
    }

    @Test
    void clipTriggersTheCamerasEventRecordersAndSaysHowMany() throws InterruptedException {
        recorder = new FakeRecordings();
        recorder.set(FakeRecordings.continuous("lobby", "/r/lobby-20261205-010000-000.avi", 10, 1000, 500, 0),
                FakeRecordings.event("lobby", null, null, 0, 0, 0, 0),
                FakeRecordings.event("lobby", null, null, 0, 0, 0, 0));
        JsonObject reply = send("lobby", "clip", "{\"id\":\"c1\",\"trigger\":\"door-bell_2\"}");
        assertTrue(reply.get("ok").getAsBoolean(), reply.toString());
        assertEquals(2, reply.get("triggered").getAsInt());
        assertEquals("door-bell_2", reply.get("trigger").getAsString());
        assertEquals("c1", reply.get("id").getAsString());
        assertEquals(List.of("lobby:door-bell_2"), recorder.triggers);
        assertTrue(send("lobby", "clip", "").get("ok").getAsBoolean());
        assertEquals("lobby:mqtt", recorder.triggers.get(1), "the default trigger's name");
    }

    @Test
    void clipRefusalsTriggerNothing() throws InterruptedException {
        assertError(send("lobby", "clip", ""), "node n1 has no recorder: install feature kapture-recorder");
        recorder = new FakeRecordings();
        recorder.set(FakeRecordings.continuous("lobby", null, 0, 0, 0, 0),
                FakeRecordings.event("hall", null, null, 0, 0, 0, 0));
        assertError(send("lobby", "clip", ""), "camera lobby has no event recorder: configure one");
        recorder.set(FakeRecordings.event("lobby", null, null, 0, 0, 0, 0));
        assertError(send("hall", "clip", ""), "no camera 'hall' on node n1");
        assertError(send("lobby", "clip", "{\"trigger\":\"../etc\"}"), "trigger '../etc' must be 1 to 32 letters");
        assertError(send("lobby", "clip", "{\"trigger\":\"" + "x".repeat(33) + "\"}"), "trigger 'xxx");
        assertError(send("lobby", "clip", "{\"trigger\":\"\"}"), "trigger '' must be 1 to 32");
        assertError(send("lobby", "clip", "{\"trigger\":5}"), "'trigger' is missing");
        assertError(send("lobby", "clip", "{\"file\":\"x\"}"), "'file' is not a field of this command");
        assertEquals(List.of(), recorder.triggers);
    }

    @Test
    void topicsThatAreNotCommandsAreIgnored() throws InterruptedException {
        assertTrue(send(PREFIX + "/lobby/cmd/stop/reply", new byte[0]).isEmpty());
        assertTrue(send(PREFIX + "/lobby/state", new byte[0]).isEmpty());
        assertTrue(send("other/lobby/cmd/stop", new byte[0]).isEmpty());
        assertEquals(0, lobby.stops);
    }

    static void assertError(JsonObject reply, String start) {
        assertFalse(reply.get("ok").getAsBoolean(), reply.toString());
        assertTrue(reply.get("error").getAsString().startsWith(start), reply.get("error").getAsString());
    }
}
