package io.kapture.mqtt.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.kapture.mqtt.testing.MosquittoBroker;
import io.kapture.mqtt.testing.Subscriber;

/**
 * Paho frees a message's place in flight on its callback thread, after the message's token has completed. While
 * that thread is busy (here: held in a message handler; in production: a garbage collection, a loaded machine),
 * the link must wait for places rather than publish into ones Paho still counts: Paho would refuse ("too many
 * publishes in progress"), and the old link took that for a broken connection, reconnected and sent the messages
 * in flight twice.
 */
class LinkWindowTest {

    private static final int MESSAGES = 3 * Link.WINDOW;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final MosquittoBroker broker = new MosquittoBroker();

    @Test
    void aBusyCallbackThreadHoldsPublishingBackWithoutAReconnectOrARepeat() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LinkListener slowHandler = new LinkListener() {
            @Override
            public void connected() {
                // nothing to do
            }

            @Override
            public void arrived(String topic, byte[] payload, boolean retained) {
                holding.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS); // holds Paho's callback thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        MqttSettings settings = Bridges.config(broker.uri(), "w1").as(MqttSettings::from);
        Outbox outbox = new Outbox(10 * MESSAGES, 10_000_000);
        Link link = new Link(settings, outbox, slowHandler,
                () -> Outbound.text("kapture/w1/status", "online", 1, true),
                Outbound.text("kapture/w1/status", "offline", 1, true), List.of("kapture/w1/hold"));
        try (Subscriber watcher = new Subscriber(broker.uri(), "window-watcher", false, "kapture/w1/events")) {
            link.startAfter(CompletableFuture.completedFuture(null));
            try {
                await().atMost(WAIT).until(() -> link.status().isConnected());
                watcher.publish("kapture/w1/hold", "hold", false);
                assertTrue(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the held message arrived");

                for (int i = 0; i < MESSAGES; i++) {
                    outbox.offer(Outbound.text("kapture/w1/events", String.valueOf(i), 1, false));
                }
                // the broker acknowledges what the link sent; with Paho's callback thread held, no place frees up,
                // so the link sends at most a window's worth and then waits, connected
                await("the link stopped at Paho's window").atMost(WAIT).during(Duration.ofSeconds(2))
                        .until(() -> watcher.messages().size() >= Link.WINDOW - 1
                                && outbox.figures().buffered() > MESSAGES - Link.WINDOW - 2);
                assertEquals(1, link.status().connects(), "still the first connection: "
                        + link.status().lastError().orElse("no error"));

                release.countDown();
                await("every message arrived").atMost(WAIT).until(() -> watcher.messages().size() >= MESSAGES
                        && outbox.figures().buffered() == 0);
                List<String> texts = watcher.messages().stream().map(Subscriber.Message::text).toList();
                assertEquals(MESSAGES, texts.size(), "each message once: " + texts);
                for (int i = 0; i < MESSAGES; i++) {
                    assertEquals(String.valueOf(i), texts.get(i), "in order");
                }
                assertEquals(1, link.status().connects(), "never reconnected: "
                        + link.status().lastError().orElse("no error"));
            } finally {
                release.countDown();
                link.close(5000);
            }
        }
    }
    @Test
    void aMessageMqttCannotCarryIsDroppedWithoutSendingTheOthersTwice() throws Exception {
        MqttSettings settings = Bridges.config(broker.uri(), "w2").as(MqttSettings::from);
        Outbox outbox = new Outbox(1000, 10_000_000);
        LinkListener none = new LinkListener() {
            @Override
            public void connected() {
                // nothing to do
            }

            @Override
            public void arrived(String topic, byte[] payload, boolean retained) {
                // no subscriptions
            }
        };
        Link link = new Link(settings, outbox, none, () -> Outbound.text("kapture/w2/status", "online", 1, true),
                Outbound.text("kapture/w2/status", "offline", 1, true), List.of());
        try (Subscriber watcher = new Subscriber(broker.uri(), "discard-watcher", false, "kapture/w2/events")) {
            // queued before the link connects, so that the ten before it are in flight when it is refused
            for (int i = 0; i < 10; i++) {
                outbox.offer(Outbound.text("kapture/w2/events", String.valueOf(i), 1, false));
            }
            outbox.offer(Outbound.text("kapture/w2/events/#", "a wildcard is no topic to publish to", 1, false));
            for (int i = 10; i < 20; i++) {
                outbox.offer(Outbound.text("kapture/w2/events", String.valueOf(i), 1, false));
            }
            link.startAfter(CompletableFuture.completedFuture(null));
            try {
                await().atMost(WAIT).until(() -> outbox.figures().buffered() == 0 && watcher.messages().size() >= 20);
                await("no late repeat").during(Duration.ofSeconds(1)).atMost(WAIT)
                        .until(() -> watcher.messages().size() == 20);
                List<String> texts = watcher.messages().stream().map(Subscriber.Message::text).toList();
                for (int i = 0; i < 20; i++) {
                    assertEquals(String.valueOf(i), texts.get(i), "each once, in order: " + texts);
                }
                assertEquals(1, outbox.figures().dropped(), "the wildcard message counted as dropped");
            } finally {
                link.close(5000);
            }
        }
    }
}
