package io.kapture.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * Random and malformed payloads and topics, with a fixed seed so a failure can be replayed: the parser refuses with
 * an {@link IllegalArgumentException} and nothing else, every command gets one reply, refusals change nothing, and
 * desired configurations that are not camera settings are never written.
 */
class HostileInputTest extends CommandsTest {

    private static final long SEED = 0x6b617074L;
    private static final String[] SEEDS = { "{\"id\":\"1\",\"width\":320}", "{\"strategy\":\"copy\"}",
            "{\"quality\":0.5}", "{\"controls\":[\"brightness=1\",\"contrast=2\"],\"fps\":15}", "{}", "[]",
            "{\"a\":[1,2,{\"b\":null}],\"c\":\"\\u0000\\ud800\"}", "{\"width\":1e999999}",
            "{\"width\":123456789012345678901234567890}", "{\"enabled\":true,\"device\":\"../../dev/mem\"}" };
    private static final String[] VERBS = { "config", "strategy", "snapshot", "start", "stop", "..", ".", "#",
            "cmd", "reply", "x".repeat(300), "\u0000", "config\u202e" };
    private static final String[] CAMERAS = { "lobby", "..", ".", "", "lob+by", "lobby ", "\u0007", "hall",
            "l".repeat(5000), "%2e%2e" };

    @Test
    void theParserRefusesHostilePayloadsWithAClearError() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            byte[] payload = payload(random);
            try {
                JsonObject parsed = Json.object(payload, 64 * 1024);
                assertTrue(parsed.isJsonObject());
            } catch (IllegalArgumentException refused) {
                assertFalse(refused.getMessage().isEmpty());
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> Json.object("[".repeat(100_000).getBytes(StandardCharsets.UTF_8), 1 << 20));
        assertThrows(IllegalArgumentException.class,
                () -> Json.object("{\"a\":".repeat(20_000).getBytes(StandardCharsets.UTF_8), 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> Json.object(new byte[] { '{', (byte) 0xc3, '}' }, 100));
        assertThrows(IllegalArgumentException.class, () -> Json.object(new byte[20 << 20], 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> Json.object("{} {}".getBytes(), 100));
        assertThrows(IllegalArgumentException.class, () -> Json.object("{a:1}".getBytes(), 100), "not lenient");
    }

    @Test
    void hostileCommandsAreAnsweredAndChangeNothingButValidOnes() throws InterruptedException {
        Random random = new Random(SEED);
        int okWrites = 0;
        for (int i = 0; i < 5_000; i++) {
            String camera = CAMERAS[random.nextInt(CAMERAS.length)];
            String verb = VERBS[random.nextInt(VERBS.length)];
            String topic = PREFIX + "/" + camera + "/cmd/" + verb;
            List<JsonObject> replies = send(topic, payload(random));
            boolean command = !camera.isEmpty() && !camera.contains("/") && !verb.contains("/");
            assertEquals(command && Topics.isLevel(camera) && Topics.isLevel(verb) ? 1 : 0, replies.size(), topic);
            for (JsonObject reply : replies) {
                if (reply.get("ok").getAsBoolean()) {
                    assertEquals("lobby", camera);
                    okWrites += verb.equals("config") || verb.equals("strategy") ? 1 : 0;
                } else {
                    assertFalse(reply.get("error").getAsString().isEmpty());
                }
            }
        }
        assertEquals(okWrites, store.writes.get(), "only accepted commands write configurations");
    }

    @Test
    void hostileDesiredConfigurationsAreReportedAndNeverWritten() throws InterruptedException {
        Random random = new Random(SEED + 1);
        DesiredConfigs desired = new DesiredConfigs(settings(), new Topics(PREFIX, "kapture/fleet"), outbox, store);
        for (int i = 0; i < 3_000; i++) {
            String camera = CAMERAS[random.nextInt(CAMERAS.length)];
            byte[] payload = payload(random);
            if (payload.length == 0) {
                continue;
            }
            int before = store.writes.get();
            boolean valid;
            try {
                Map<String, Object> settings = CameraKeys.of(Json.object(payload, 1024), java.util.Set.of("id"));
                valid = Topics.isLevel(camera);
                assertTrue(settings.keySet().stream().allMatch(key -> CameraKeys.KEYS.contains(key)
                        || key.startsWith("synthetic.")));
            } catch (IllegalArgumentException refused) {
                valid = false;
            }
            desired.arrived((random.nextBoolean() ? PREFIX : "kapture/fleet") + "/config/" + camera, payload);
            if (!valid) {
                assertEquals(before, store.writes.get(), camera + " " + new String(payload, StandardCharsets.UTF_8));
            }
        }
        assertTrue(store.cameras.keySet().stream().allMatch(Topics::isLevel), store.cameras.keySet().toString());
    }

    static byte[] payload(Random random) {
        switch (random.nextInt(6)) {
            case 0: {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1:
                return new byte[0];
            case 2: {
                int depth = 1 + random.nextInt(200);
                return ("[".repeat(depth) + "]".repeat(random.nextInt(depth + 1))).getBytes(StandardCharsets.UTF_8);
            }
            case 3:
                return ("{\"width\":\"" + "9".repeat(random.nextInt(4000)) + "\"}").getBytes(StandardCharsets.UTF_8);
            default: {
                StringBuilder text = new StringBuilder(SEEDS[random.nextInt(SEEDS.length)]);
                int edits = random.nextInt(4);
                for (int e = 0; e < edits && text.length() > 0; e++) {
                    int at = random.nextInt(text.length());
                    switch (random.nextInt(3)) {
                        case 0 -> text.deleteCharAt(at);
                        case 1 -> text.insert(at, "{}[]\",:\\0e-".charAt(random.nextInt(11)));
                        default -> text.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
                return text.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
