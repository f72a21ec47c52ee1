package io.kapture.itests.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.kapture.mqtt.testing.Mosquitto;
import io.kapture.mqtt.testing.Subscriber;

/**
 * The distribution with its MQTT bridge against a real Mosquitto, seen from outside as an operator sees it: with
 * {@code mosquitto_sub} (an independent client) and a Paho subscriber. The Karaf runs as its own process (unpacked
 * from the distribution's tar.gz), configured by files in its {@code etc/}, so that the last test can kill it and
 * see the broker publish its last will. Tests run in name order and share the one Karaf; the kill comes last.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MqttDistributionIT {

    private static final String NODE = "itnode";
    private static final String PREFIX = "kapture/" + NODE;
    private static final String CAMERA = "synthetic";
    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MQTT_PASSWORD = "pw-7c1e9d";

    private static Mosquitto broker;
    private static KarafProcess karaf;
    private static Subscriber watcher;

    @BeforeClass
    public static void startBrokerAndKaraf() throws Exception {
        Path target = Path.of("target", "mqtt-it").toAbsolutePath();
        java.nio.file.Files.createDirectories(target);
        broker = Mosquitto.start(target);
        watcher = new Subscriber(broker.uri(), "it-watcher", false, PREFIX + "/#", "homeassistant/#");
        karaf = KarafProcess.unpack(target);
        String mqtt = "etc/io.kapture.mqtt.cfg";
        karaf.set(mqtt, "server.uri", broker.uri());
        karaf.set(mqtt, "node.id", NODE);
        karaf.set(mqtt, "commands.enabled", "true");
        karaf.set(mqtt, "fleet.enabled", "true");
        karaf.set(mqtt, "stats.interval.seconds", "1");
        karaf.set(mqtt, "homeassistant.discovery", "true");
        karaf.set(mqtt, "reconnect.max.ms", "2000");
        // the broker lets anyone in; the credentials are there to show kapture:mqtt never prints the password
        karaf.set(mqtt, "username", "itcam");
        karaf.set(mqtt, "password", MQTT_PASSWORD);
        karaf.set("etc/users.properties", "itadmin", "itadmin-login,_g_:admingroup");
        karaf.set("etc/users.properties", "_g_\\:admingroup", "group,admin,manager,viewer,systembundles,ssh");
        karaf.set("etc/io.kapture.processor.motion-" + CAMERA + ".cfg", "camera", CAMERA);
        karaf.set("etc/io.kapture.processor.motion-" + CAMERA + ".cfg", "roi", "0,10,100,90");
        karaf.start();
        await("online status (karaf.log in " + karaf.home() + ")").atMost(BOOT)
                .until(() -> last(PREFIX + "/status").map(s -> s.get("state").getAsString()).filter("online"::equals)
                        .isPresent() && state(CAMERA).filter(s -> s.contains("RUNNING")).isPresent());
    }

    @AfterClass
    public static void stopAll() throws Exception {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } finally {
            try {
                if (karaf != null) {
                    karaf.close();
                }
            } finally {
                if (broker != null) {
                    broker.stop();
                }
            }
        }
    }

    @Test
    public void a_statusAndStateAreRetainedForAnyClient() throws Exception {
        JsonObject status = JsonParser.parseString(broker.retained(PREFIX + "/status")).getAsJsonObject();
        assertEquals("online", status.get("state").getAsString());
        assertEquals(NODE, status.get("node").getAsString());
        assertTrue(status.toString(), status.getAsJsonArray("cameras").toString().contains("\"" + CAMERA + "\""));
        assertFalse(status.get("version").getAsString().isEmpty());
        JsonObject state = JsonParser.parseString(broker.retained(PREFIX + "/" + CAMERA + "/state"))
                .getAsJsonObject();
        assertEquals("RUNNING", state.get("state").getAsString());
        assertTrue(state.has("format"));
        String discovery = broker.retained("homeassistant/camera/kapture_" + NODE + "_" + CAMERA + "/config");
        assertTrue(discovery, discovery.contains(PREFIX + "/" + CAMERA + "/snapshot/jpeg"));
    }

    @Test
    public void b_statsArriveEverySecond() {
        watcher.clear();
        await().atMost(WAIT).until(() -> watcher.on(PREFIX + "/" + CAMERA + "/stats").size() >= 2);
        JsonObject stats = json(watcher.on(PREFIX + "/" + CAMERA + "/stats").get(1));
        assertTrue(stats.toString(), stats.get("captured").getAsLong() > 0);
        assertTrue(stats.toString(), stats.get("fps").getAsDouble() > 0);
        assertTrue(stats.toString(), stats.has("latency") && stats.has("droppedByCause"));
        // the motion detector configured above: its counts join the stats (the motion bundle's MotionStatistics)
        await("motion figures in the stats").atMost(WAIT).until(() -> watcher.on(PREFIX + "/" + CAMERA + "/stats")
                .stream().map(MqttDistributionIT::json).anyMatch(s -> s.has("motion")
                        && s.getAsJsonObject("motion").get("periods").getAsLong() >= 1));
    }

    @Test
    public void c_motionArrivesWithinASecondOfTheBoxMoving() throws Exception {
        String motion = PREFIX + "/" + CAMERA + "/motion";
        // a still pattern first: whatever moved has ended once the detector saw quiet.ms of stillness
        JsonObject still = command("config", "{\"id\":\"m1\",\"synthetic.pattern\":\"bars\"}");
        assertTrue(still.toString(), still.get("ok").getAsBoolean());
        long stillSince = still.get("time").getAsLong();
        await("motion END on the still pattern").atMost(WAIT).until(() -> watcher.on(motion).stream()
                .map(MqttDistributionIT::json).anyMatch(m -> m.get("event").getAsString().equals("END")
                        && m.get("time").getAsLong() >= stillSince));
        watcher.clear();
        JsonObject moving = command("config", "{\"id\":\"m2\",\"synthetic.pattern\":\"bars+box\"}");
        assertTrue(moving.toString(), moving.get("ok").getAsBoolean());
        await("motion START once the box moves").atMost(WAIT).until(() -> watcher.on(motion).stream()
                .anyMatch(m -> json(m).get("event").getAsString().equals("START")));
        Subscriber.Message start = watcher.on(motion).stream()
                .filter(m -> json(m).get("event").getAsString().equals("START")).findFirst().orElseThrow();
        long latency = start.receivedMillis() - json(start).get("time").getAsLong();
        assertTrue("motion START arrived " + latency + " ms after the frame that moved", latency <= 1000);
    }

    @Test
    public void d_snapshotCommandReturnsAJpeg() throws Exception {
        JsonObject reply = command("snapshot", "{\"id\":\"s1\",\"quality\":0.7}");
        assertTrue(reply.toString(), reply.get("ok").getAsBoolean());
        await().atMost(WAIT).until(() -> !watcher.on(PREFIX + "/" + CAMERA + "/snapshot/jpeg").isEmpty());
        byte[] jpeg = watcher.on(PREFIX + "/" + CAMERA + "/snapshot/jpeg").get(0).payload();
        assertEquals(reply.get("bytes").getAsInt(), jpeg.length);
        assertEquals(0xff, jpeg[0] & 0xff);
        assertEquals(0xd8, jpeg[1] & 0xff);
        assertEquals(0xd9, jpeg[jpeg.length - 1] & 0xff);
    }

    @Test
    public void e_aBadConfigCommandGetsTheErrorAndTheCameraKeepsRunning() throws Exception {
        JsonObject reply = command("config", "{\"id\":\"c1\",\"width\":-5}");
        assertFalse(reply.toString(), reply.get("ok").getAsBoolean());
        assertTrue(reply.toString(), reply.get("error").getAsString().contains("width must be between 1 and 16384, "
                + "was -5"));
        watcher.clear();
        await().atMost(WAIT).until(() -> watcher.on(PREFIX + "/" + CAMERA + "/stats").size() >= 2);
        List<Subscriber.Message> stats = watcher.on(PREFIX + "/" + CAMERA + "/stats");
        assertEquals("RUNNING", json(stats.get(1)).get("state").getAsString());
        assertTrue(json(stats.get(1)).get("captured").getAsLong() > json(stats.get(0)).get("captured").getAsLong());
        JsonObject unknown = command("explode", "{}");
        assertTrue(unknown.get("error").getAsString().startsWith("unknown command 'explode'"));
        JsonObject good = command("config", "{\"id\":\"c2\",\"width\":640}");
        assertTrue(good.toString(), good.get("ok").getAsBoolean());
    }

    @Test
    public void f_desiredConfigurationCreatesChangesAndRemovesACamera() throws Exception {
        String desired = PREFIX + "/config/mqttcam";
        watcher.publish(desired, "{\"device\":\"synthetic:mqttcam\",\"width\":320,\"height\":240,\"fps\":5}", true);
        await("camera mqttcam running").atMost(WAIT).until(() -> state("mqttcam")
                .filter(s -> s.contains("RUNNING") && s.contains("\"width\":320")).isPresent());
        await().atMost(WAIT).until(() -> last(desired + "/reported").filter(r -> r.get("applied").getAsBoolean())
                .isPresent());
        watcher.publish(desired, "{\"device\":\"synthetic:mqttcam\",\"width\":160,\"height\":120,\"fps\":5}", true);
        await("camera mqttcam at 160").atMost(WAIT).until(() -> state("mqttcam")
                .filter(s -> s.contains("RUNNING") && s.contains("\"width\":160")).isPresent());
        watcher.publish(desired, "", true);
        await("camera mqttcam removed").atMost(WAIT).until(() -> state("mqttcam").isEmpty()
                && last(PREFIX + "/status").filter(s -> !s.getAsJsonArray("cameras").toString().contains("mqttcam"))
                        .isPresent());
        // mosquitto_sub's own words when no retained message came within its wait: the state was cleared
        assertEquals("Timed out", broker.retained(PREFIX + "/mqttcam/state"));
    }

    @Test
    public void g_kaptureMqttShowsTheConnectionButNeverThePassword() throws Exception {
        String out = karaf.command("itadmin", "itadmin-login", "kapture:mqtt");
        assertTrue(out, out.contains("MQTT " + broker.uri() + " as " + NODE + " under " + PREFIX + ", user itcam"));
        assertTrue(out, out.contains("connected since"));
        assertTrue(out, out.contains("commands on, fleet configuration on, Home Assistant discovery on"));
        assertTrue(out, out.matches("(?s).*messages out [1-9][0-9]*, in [1-9][0-9]*.*"));
        assertTrue(out, out.contains("dropped 0 (buffer full)"));
        assertFalse(out, out.contains(MQTT_PASSWORD));
        assertFalse("the password is never logged", karaf.log().contains(MQTT_PASSWORD));
    }

    @Test
    public void h_finishedRecordingsAreAnnouncedAndClipTriggersAnEventRecorder() throws Exception {
        String recording = PREFIX + "/" + CAMERA + "/recording";
        JsonObject none = command("clip", "{\"id\":\"r0\"}");
        assertFalse(none.toString(), none.get("ok").getAsBoolean());
        assertTrue(none.toString(), none.get("error").getAsString().startsWith("camera " + CAMERA
                + " has no event recorder"));
        Path segments = etcFile("io.kapture.processor.recorder-mqttit.cfg", "camera = " + CAMERA,
                "rotate.duration.seconds = 2");
        try {
            await("a finished 2 s segment announced").atMost(WAIT).until(() -> watcher.on(recording).stream()
                    .map(MqttDistributionIT::json).anyMatch(n -> n.get("kind").getAsString().equals("continuous")));
            JsonObject segment = watcher.on(recording).stream().map(MqttDistributionIT::json)
                    .filter(n -> n.get("kind").getAsString().equals("continuous")).findFirst().orElseThrow();
            assertTrue(segment.toString(), segment.get("file").getAsString().startsWith(CAMERA + "-"));
            assertTrue(segment.toString(), segment.get("frames").getAsLong() > 0);
            assertTrue(segment.toString(), segment.get("bytes").getAsLong() > 0);
            assertTrue(segment.toString(), List.of("avi", "mp4").contains(segment.get("format").getAsString()));
            assertTrue(segment.toString(),
                    segment.get("endMillis").getAsLong() > segment.get("startMillis").getAsLong());
            assertEquals(segment.toString(), "rotated", segment.get("reason").getAsString());
            assertTrue(broker.retained(PREFIX + "/" + CAMERA + "/recorder").contains("\"recording\""));

            Path clips = etcFile("io.kapture.processor.recorder-mqttclip.cfg", "camera = " + CAMERA, "mode = event",
                    "pre.seconds = 1", "post.seconds = 3");
            try {
                await("the event recorder's state").atMost(WAIT).until(() -> last(PREFIX + "/" + CAMERA + "/recorder")
                        .filter(r -> r.toString().contains("\"kind\":\"event\"")).isPresent());
                JsonObject reply = command("clip", "{\"id\":\"r1\",\"trigger\":\"itclip\"}");
                assertTrue(reply.toString(), reply.get("ok").getAsBoolean());
                assertEquals(1, reply.get("triggered").getAsInt());
                await("the clip announced").atMost(WAIT).until(() -> watcher.on(recording).stream()
                        .map(MqttDistributionIT::json).anyMatch(n -> n.get("kind").getAsString().equals("event")
                                && n.get("trigger").getAsString().equals("itclip")
                                && n.get("file").getAsString().contains(".itclip.")
                                && n.get("frames").getAsLong() > 0));
            } finally {
                java.nio.file.Files.delete(clips);
            }
        } finally {
            java.nio.file.Files.delete(segments);
        }
    }

    /**
     * A clip with neither pre-roll nor post time lasts a frame or two (about 33 ms at the synthetic camera's
     * 30 fps): a bridge that looked at the recorders once a second would almost never see it being written. The
     * recorder's {@code io/kapture/recording/v1/FINISHED} event announces it at once, and Karaf's
     * {@code event:display} shows the event to a script.
     */
    @Test
    public void i_aClipShorterThanASecondIsAnnounced() throws Exception {
        String recording = PREFIX + "/" + CAMERA + "/recording";
        await("the recorders of the test before gone").atMost(WAIT)
                .until(() -> last(PREFIX + "/" + CAMERA + "/recorder").isEmpty());
        Path clips = etcFile("io.kapture.processor.recorder-mqttshort.cfg", "camera = " + CAMERA, "mode = event",
                "pre.seconds = 0", "post.seconds = 0");
        try {
            await("the event recorder's state").atMost(WAIT).until(() -> last(PREFIX + "/" + CAMERA + "/recorder")
                    .filter(r -> r.toString().contains("\"kind\":\"event\"")).isPresent());
            JsonObject reply = command("clip", "{\"id\":\"r2\",\"trigger\":\"itshort\"}");
            assertTrue(reply.toString(), reply.get("ok").getAsBoolean());
            await("the short clip announced").atMost(Duration.ofSeconds(20)).until(() -> watcher.on(recording)
                    .stream().map(MqttDistributionIT::json).anyMatch(n -> n.get("file").getAsString()
                            .contains(".itshort.")));
            Subscriber.Message notice = watcher.on(recording).stream()
                    .filter(m -> json(m).get("file").getAsString().contains(".itshort.")).findFirst().orElseThrow();
            JsonObject clip = json(notice);
            System.out.println("MqttDistributionIT: the short clip (" + clip.get("frames") + " frame(s), "
                    + clip.get("durationMillis") + " ms) was announced " + (notice.receivedMillis()
                            - clip.get("endMillis").getAsLong()) + " ms after its last frame's time");
            assertEquals(clip.toString(), "event", clip.get("kind").getAsString());
            assertEquals(clip.toString(), "itshort", clip.get("trigger").getAsString());
            assertTrue(clip.toString(), clip.get("frames").getAsLong() >= 1);
            assertTrue(clip.toString(), clip.get("durationMillis").getAsLong() < 1000);
            assertTrue(clip.toString(), clip.get("bytes").getAsLong() > 0);
            assertEquals(clip.toString(), "clip-ended", clip.get("reason").getAsString());
            // a script's view of the same event: Karaf's event:display (the eventadmin feature's shell commands)
            String shown = karaf.command("itadmin", "itadmin-login", "event:display -v io/kapture/recording/v1/*");
            assertTrue(shown, shown.contains("io/kapture/recording/v1/FINISHED")
                    && shown.contains(clip.get("file").getAsString()));
        } finally {
            java.nio.file.Files.delete(clips);
        }
    }

    /** Writes a configuration file into etc/ in one step (written aside, then moved), for Karaf to pick up. */
    private static Path etcFile(String name, String... lines) throws java.io.IOException {
        Path aside = karaf.home().resolve("etc/" + name + ".part");
        java.nio.file.Files.write(aside, List.of(lines));
        return java.nio.file.Files.move(aside, karaf.home().resolve("etc/" + name),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    public void z_aKilledKarafLeavesItsLastWill() throws Exception {
        watcher.clear();
        karaf.kill();
        await("last will").atMost(WAIT).until(() -> last(PREFIX + "/status")
                .filter(s -> s.get("state").getAsString().equals("offline")).isPresent());
        assertTrue(broker.retained(PREFIX + "/status").contains("\"offline\""));
    }

    private static JsonObject command(String verb, String payload) throws Exception {
        String replies = PREFIX + "/" + CAMERA + "/cmd/" + verb + "/reply";
        int before = watcher.on(replies).size();
        watcher.publish(PREFIX + "/" + CAMERA + "/cmd/" + verb, payload, false);
        await("reply to " + verb).atMost(WAIT).until(() -> watcher.on(replies).size() > before);
        return json(watcher.on(replies).get(before));
    }

    private static JsonObject json(Subscriber.Message message) {
        return JsonParser.parseString(message.text()).getAsJsonObject();
    }

    /** The newest message on {@code topic}, as JSON; empty if none or empty. */
    private static Optional<JsonObject> last(String topic) {
        List<Subscriber.Message> messages = watcher.on(topic);
        if (messages.isEmpty() || messages.get(messages.size() - 1).payload().length == 0) {
            return Optional.empty();
        }
        return Optional.of(json(messages.get(messages.size() - 1)));
    }

    /** The newest state of a camera as text; empty if none or cleared. */
    private static Optional<String> state(String camera) {
        return last(PREFIX + "/" + camera + "/state").map(JsonObject::toString);
    }
}
