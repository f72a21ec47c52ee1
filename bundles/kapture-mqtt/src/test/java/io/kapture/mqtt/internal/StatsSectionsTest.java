package io.kapture.mqtt.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.gson.JsonObject;

import io.kapture.mqtt.testing.MosquittoBroker;
import io.kapture.mqtt.testing.Subscriber;
import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionStatistics;
import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.processor.snapshot.SnapshotStatistics;

/**
 * The motion and snapshot sections of the stats payloads, through a real mosquitto: the camera's detectors and
 * schedules added up (two detectors of one camera as one), nothing for a camera without any, and a section that
 * throws (its bundle stopping) left out without stopping the stats.
 */
class StatsSectionsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final MosquittoBroker broker = new MosquittoBroker();

    @Test
    void statsCarryTheCamerasMotionAndSnapshotFigures() throws Exception {
        MotionStatistics motion = () -> List.of(
                new MotionActivity("lobby", false, 3, 1_733_371_200_000L, 3, 7_500, List.of(1L, 2L, 3L, 3L, 3L)),
                new MotionActivity("lobby", true, 2, 1_733_371_260_500L, 1, 90_000, List.of(0L, 0L, 0L, 0L, 1L), 12,
                        "H264 frames are compressed and cannot be converted pixel by pixel"));
        SnapshotStatistics snapshots = () -> List.of(new SnapshotActivity("lobby", "snapshots", 60_000, 14, 700_000,
                1_733_371_200_000L, 2, Optional.of("IOException: Read-only file system")));
        StatsSection broken = (stats, camera) -> {
            throw new IllegalStateException("the bundle is stopping");
        };
        List<StatsSection> sections = List.of(new MotionStatsSection(motion), broken,
                new SnapshotStatsSection(snapshots));
        try (Subscriber watcher = new Subscriber(broker.uri(), "watcher-sections", false, "kapture/n2/+/stats")) {
            BridgeRuntime bridge = Bridges.create(Bridges.config(broker.uri(), "n2"),
                    List.of(new FakeSession("lobby"), new FakeSession("hall")), new MemoryStore(), sections);
            bridge.start();
            try {
                await().atMost(WAIT).until(() -> watcher.on("kapture/n2/lobby/stats").size() >= 2
                        && !watcher.on("kapture/n2/hall/stats").isEmpty());
            } finally {
                bridge.stop();
            }
            JsonObject lobby = BridgeBrokerTest.json(watcher.on("kapture/n2/lobby/stats").get(0));
            JsonObject lobbyMotion = lobby.getAsJsonObject("motion");
            assertTrue(lobbyMotion.get("active").getAsBoolean(), lobby.toString());
            assertEquals(5, lobbyMotion.get("periods").getAsLong());
            assertEquals(4, lobbyMotion.get("periodsEnded").getAsLong());
            assertEquals(97.5, lobbyMotion.get("motionSeconds").getAsDouble());
            assertEquals(1_733_371_260_500L, lobbyMotion.get("lastStart").getAsLong());
            assertEquals(12, lobbyMotion.get("framesSkipped").getAsLong());
            assertEquals("H264 frames are compressed and cannot be converted pixel by pixel",
                    lobbyMotion.get("lastSkipReason").getAsString());
            JsonObject lobbySnapshots = lobby.getAsJsonObject("snapshots");
            assertEquals(14, lobbySnapshots.get("written").getAsLong());
            assertEquals(700_000, lobbySnapshots.get("bytesWritten").getAsLong());
            assertEquals(1_733_371_200_000L, lobbySnapshots.get("lastWritten").getAsLong());
            assertEquals(2, lobbySnapshots.get("failures").getAsLong());
            assertTrue(lobbySnapshots.get("failing").getAsBoolean());
            assertEquals("IOException: Read-only file system", lobbySnapshots.get("lastError").getAsString());
            assertEquals(60.0, lobbySnapshots.get("intervalSeconds").getAsDouble());
            JsonObject hall = BridgeBrokerTest.json(watcher.on("kapture/n2/hall/stats").get(0));
            assertFalse(hall.has("motion") || hall.has("snapshots"), hall.toString());
            assertEquals("hall", hall.get("camera").getAsString());
        }
    }
}
