package io.kapture.mqtt.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.gson.JsonParser;

import io.kapture.mqtt.testing.MosquittoBroker;
import io.kapture.mqtt.testing.Subscriber;

/**
 * The broker stops for 30 s while a camera keeps producing motion events at 50 per second: posting never waits on
 * the network, the outbox keeps the newest 400 (its configured count), drops and counts the rest, and after the
 * broker returns the kept events arrive in order, after the ones sent before the outage (a repeat of a message
 * in flight at the stop is allowed: QoS 1 delivers at least once).
 */
class BrokerOutageTest {

    private static final int BEFORE = 100;
    private static final int DURING = 1500;
    private static final int KEPT = 400;

    @RegisterExtension
    final MosquittoBroker broker = new MosquittoBroker();

    @Test
    void eventsAreBufferedInOrderAndOverflowIsCounted() throws Exception {
        FakeSession lobby = new FakeSession("lobby");
        try (Subscriber watcher = new Subscriber(broker.uri(), "outage-watcher", true, "kapture/n4/lobby/motion")) {
            BridgeRuntime bridge = Bridges.start(Bridges.config(broker.uri(), "n4")
                    .with("outbox.max.messages", KEPT).with("stats.interval.seconds", 3600), List.of(lobby),
                    new MemoryStore());
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> bridge.view().connected());
                for (int i = 0; i < BEFORE; i++) {
                    bridge.motion(Bridges.motion("lobby", i % 2 == 0 ? "START" : "END", i));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> sequences(watcher).size() == BEFORE);
                // before the outage nothing may come twice: a repeat would mean the link reconnected on its own
                assertEquals(BEFORE, watcher.messages().size(), "each event once; last connection problem: "
                        + bridge.view().lastError().orElse("none"));

                broker.stop();
                await().atMost(Duration.ofSeconds(10)).until(() -> !bridge.view().connected());
                AtomicLong posted = new AtomicLong();
                AtomicLong slowestNanos = new AtomicLong();
                ScheduledExecutorService camera = Executors.newSingleThreadScheduledExecutor();
                camera.scheduleAtFixedRate(() -> {
                    long n = posted.get();
                    if (n < DURING) {
                        long start = System.nanoTime();
                        bridge.motion(Bridges.motion("lobby", n % 2 == 0 ? "START" : "END", BEFORE + n));
                        lobby.captured++;
                        slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                        posted.incrementAndGet();
                    }
                }, 0, 20, TimeUnit.MILLISECONDS);
                await().atMost(Duration.ofSeconds(60)).until(() -> posted.get() == DURING);
                camera.shutdownNow();
                assertEquals(DURING, lobby.captured, "the camera's thread kept its pace throughout");
                // half the connect timeout: a post that waited on the network takes the whole 10 s, while a
                // loaded 2-core machine may stall a post for a second without anything being wrong
                assertTrue(slowestNanos.get() < TimeUnit.SECONDS.toNanos(5),
                        "posting never waited on the network (connect timeout is 10 s); slowest "
                                + slowestNanos.get() / 1e6 + " ms");
                // besides the events, the timer may have queued a status or state message in the outage
                BridgeView full = bridge.view();
                assertEquals(KEPT, full.buffered());
                assertEquals(full.offered(), full.published() + full.buffered() + full.dropped(),
                        "every message queued is sent, kept or counted as dropped");
                assertTrue(full.dropped() >= DURING - KEPT, "dropped " + full.dropped());

                broker.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> bridge.view().buffered() == 0
                        && sequences(watcher).size() > BEFORE + KEPT - 5);
                List<Long> sequences = sequences(watcher);
                int kept = sequences.size() - BEFORE;
                assertTrue(kept <= KEPT && kept > KEPT - 5, "kept " + kept);
                for (int i = 0; i < BEFORE; i++) {
                    assertEquals(i, sequences.get(i));
                }
                for (int i = 0; i < kept; i++) {
                    assertEquals(BEFORE + DURING - kept + i, sequences.get(BEFORE + i), "in order, oldest dropped");
                }
                // the reconnect also republishes the camera's state at the reporter's next tick, maybe only now
                await().atMost(Duration.ofSeconds(20)).until(() -> bridge.view().buffered() == 0);
            } finally {
                bridge.stop();
            }
        }
    }

    /**
     * The events' sequence numbers as received, a repeated one left out: QoS 1 is at least once, and a message in
     * flight when the broker stopped (to the subscriber, or from the bridge) may come again after the restart.
     */
    private static List<Long> sequences(Subscriber watcher) {
        List<Long> sequences = new java.util.ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Subscriber.Message message : watcher.messages()) {
            long sequence = JsonParser.parseString(message.text()).getAsJsonObject().get("sequence").getAsLong();
            if (seen.add(sequence)) {
                sequences.add(sequence);
            }
        }
        return sequences;
    }
}
