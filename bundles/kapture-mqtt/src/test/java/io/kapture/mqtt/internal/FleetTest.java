package io.kapture.mqtt.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.kapture.mqtt.testing.MosquittoBroker;
import io.kapture.mqtt.testing.Subscriber;

/**
 * Three nodes against one broker: a fleet-wide desired configuration reaches all three, a node-specific one wins on
 * its node only, a refused value is reported, a restarted node and a restarted broker converge without writing
 * again, and deleting the retained desired messages removes the camera, as the sweep after connecting removes one
 * whose desired configuration went while the node was away.
 */
class FleetTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FLEET = "kapture/fleet/config/gate";

    @RegisterExtension
    final MosquittoBroker broker = new MosquittoBroker();

    @Test
    void fleetAndNodeDesiredConfigurationsConverge() throws Exception {
        List<MemoryStore> stores = List.of(new MemoryStore(), new MemoryStore(), new MemoryStore());
        List<BridgeRuntime> nodes = new ArrayList<>();
        try (Subscriber admin = new Subscriber(broker.uri(), "admin", false, "kapture/+/config/+/reported")) {
            // a camera a desired configuration made on n3, whose desired configuration was deleted while n3 was away
            stores.get(2).cameras.put("ghost", Map.of("name", "ghost", CameraKeys.MANAGED, "fleet"));
            stores.get(2).cameras.put("local", Map.of("name", "local"));
            for (int i = 0; i < 3; i++) {
                nodes.add(Bridges.start(Bridges.config(broker.uri(), "n" + (i + 1)).with("fleet.enabled", true),
                        List.of(), stores.get(i)));
            }
            admin.publish(FLEET, "{\"device\":\"synthetic:gate\",\"width\":320,\"fps\":10}", true);
            admin.publish("kapture/n2/config/gate", "{\"device\":\"synthetic:gate2\",\"width\":640}", true);
            await().atMost(WAIT).until(() -> stores.stream().allMatch(store -> store.cameras.containsKey("gate")));
            await().atMost(WAIT).until(() -> Integer.valueOf(640).equals(width(stores.get(1))));
            assertEquals(320, width(stores.get(0)));
            assertEquals(320, width(stores.get(2)));
            assertEquals("node", stores.get(1).cameras.get("gate").get(CameraKeys.MANAGED));
            assertEquals("fleet", stores.get(0).cameras.get("gate").get(CameraKeys.MANAGED));
            await().atMost(WAIT).until(() -> reported(admin, "n2").map(r -> r.get("source").getAsString())
                    .filter("node"::equals).isPresent());
            JsonObject n1 = reported(admin, "n1").orElseThrow();
            assertTrue(n1.get("applied").getAsBoolean(), n1.toString());
            assertEquals("fleet", n1.get("source").getAsString());

            admin.publish("kapture/n3/config/gate", "{\"width\":-4}", true);
            await().atMost(WAIT).until(() -> reported(admin, "n3").filter(r -> !r.get("error").isJsonNull())
                    .isPresent());
            assertEquals("camera gate: width must be between 1 and 16384, was -4",
                    reported(admin, "n3").orElseThrow().get("error").getAsString());
            admin.publish("kapture/n3/config/gate", "{\"width\":", true);
            await().atMost(WAIT).until(() -> reported(admin, "n3").map(r -> r.get("error").toString())
                    .filter(e -> e.contains("not valid JSON")).isPresent());
            admin.publish("kapture/n3/config/gate", "", true);
            await().atMost(WAIT).until(() -> Integer.valueOf(320).equals(width(stores.get(2))));

            int writes = stores.get(0).writes.get();
            nodes.get(0).stop();
            admin.clear();
            nodes.set(0, Bridges.start(Bridges.config(broker.uri(), "n1").with("fleet.enabled", true), List.of(),
                    stores.get(0)));
            await().atMost(WAIT).until(() -> reported(admin, "n1").isPresent());
            assertEquals(writes, stores.get(0).writes.get(), "the same desired configuration is not written again");
            assertEquals(1, stores.get(0).cameras.size());

            int[] before = stores.stream().mapToInt(store -> store.writes.get()).toArray();
            broker.stop();
            long restarted = System.currentTimeMillis();
            broker.start();
            await("every node reconnected and reported again").atMost(WAIT).until(() -> List.of("n1", "n2", "n3")
                    .stream().allMatch(node -> reported(admin, node).filter(r -> r.get("time").getAsLong() >= restarted)
                            .isPresent()));
            assertEquals(java.util.Arrays.toString(before),
                    java.util.Arrays.toString(stores.stream().mapToInt(store -> store.writes.get()).toArray()),
                    "a broker restart redelivers the same retained configurations: nothing is written again");

            admin.publish("kapture/n2/config/gate", "", true);
            await().atMost(WAIT).until(() -> Integer.valueOf(320).equals(width(stores.get(1))));
            await("the sweep after connecting removes ghost").atMost(WAIT)
                    .until(() -> !stores.get(2).cameras.containsKey("ghost"));
            assertTrue(stores.get(2).cameras.containsKey("local"), "a camera no desired configuration made stays");
            admin.publish(FLEET, "", true);
            await().atMost(WAIT).until(() -> stores.stream().noneMatch(store -> store.cameras.containsKey("gate")));
            assertEquals(List.of(1, 1, 2), stores.stream().map(store -> store.deletes.get()).toList());
        } finally {
            nodes.forEach(BridgeRuntime::stop);
        }
    }

    private static Object width(MemoryStore store) {
        Map<String, Object> gate = store.cameras.get("gate");
        return gate == null ? null : gate.get("width");
    }

    private static java.util.Optional<JsonObject> reported(Subscriber admin, String node) {
        List<Subscriber.Message> messages = admin.on("kapture/" + node + "/config/gate/reported");
        if (messages.isEmpty() || messages.get(messages.size() - 1).payload().length == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(JsonParser.parseString(messages.get(messages.size() - 1).text())
                .getAsJsonObject());
    }
}
