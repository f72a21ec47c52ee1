package io.kapture.mqtt.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to the broker, owned by one thread ({@code kapture-mqtt-link}): connect, subscribe, publish the
 * online status, then publish the {@link Outbox}'s messages in order, up to {@value #WINDOW} in flight at once
 * (waiting for each acknowledgement before sending the next would make every message pay a round trip), removing
 * each from the outbox only once Paho has sent it (QoS 0) or the broker has acknowledged it (QoS 1, 2). When the
 * connection fails, the thread waits with {@link Backoff} and connects again; the messages that were in flight
 * are still at the head of the outbox and go again first (at least once, as QoS 1 promises).
 *
 * <p>Paho limits the messages in flight too, and frees a message's place only on its callback thread, after the
 * message's token has completed: a thread that counts completed tokens publishes into places Paho still holds, and
 * Paho refuses the publish ("too many publishes in progress"), which would cost a reconnect and send messages
 * twice. So each publish takes one of the connection's permits ({@code slots}), and Paho's {@code deliveryComplete}
 * callback, which comes after the place is freed, gives it back; a refusal that still happens (a QoS 0 message's
 * place is freed on another thread) is waited out and the message sent again, never taken for a broken
 * connection.
 *
 * <p>Each distinct connection problem is logged once as a warning; repeats go to debug, so a wrong password or a
 * broker that is down does not flood the log.
 *
 * <p>A link that replaces another (a new configuration, a reactivated bundle) waits, on its own thread, for the one
 * before it to have said "offline" and disconnected, at most {@value #HANDOVER_MILLIS} ms: otherwise the old
 * link's offline status could land after the new one's online status and leave the node shown offline. Nobody
 * else waits for that, so SCR's threads never block on the network.
 *
 * <p>Threading contract: {@link #startAfter} and {@link #closeAsync} / {@link #close} from any one thread (SCR's);
 * the figures from any thread. Paho's callback thread only counts, hands incoming messages to the
 * {@link LinkListener} and gives back places in flight.
 */
final class Link implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Link.class);
    /** Messages published and not yet acknowledged, at most. */
    static final int WINDOW = 64;
    /** How long the thread waits at a time for Paho to free a place in flight, between looks at the connection. */
    private static final long SLOT_WAIT_MILLIS = 100;
    /** How long a new link waits for the link it replaces to disconnect. */
    static final long HANDOVER_MILLIS = 3000;

    private final MqttSettings settings;
    private final Outbox outbox;
    private final LinkListener listener;
    private final Supplier<Outbound> online;
    private final Outbound offline;
    private final List<String> subscriptions;
    private final int subscriptionQos;
    private final LinkStatus status;
    private final Object sleeper = new Object();
    private final AtomicLong received = new AtomicLong();
    private final Thread thread;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Future<?> predecessor = CompletableFuture.completedFuture(null);
    private volatile boolean running = true;
    private volatile boolean lost;
    /** The current connection's places in flight (see the class comment); a new set for each connection. */
    private volatile Semaphore slots = new Semaphore(0);

    Link(MqttSettings settings, Outbox outbox, LinkListener listener, Supplier<Outbound> online, Outbound offline,
            List<String> subscriptions) {
        this.settings = settings;
        this.outbox = outbox;
        this.listener = listener;
        this.online = online;
        this.offline = offline;
        this.subscriptions = List.copyOf(subscriptions);
        this.subscriptionQos = settings.qosState();
        this.status = new LinkStatus(settings.serverUri());
        this.thread = new Thread(this, "kapture-mqtt-link");
        thread.setDaemon(true);
    }

    /** Starts the link's thread, which connects once {@code previous} (the link this one replaces) has ended. */
    void startAfter(Future<?> previous) {
        predecessor = previous;
        thread.start();
    }

    LinkStatus status() {
        return status;
    }

    long received() {
        return received.get();
    }

    /**
     * Asks the thread to publish the offline status and disconnect, without waiting: the future completes when it
     * has ended (at once for a link never started).
     */
    CompletableFuture<Void> closeAsync() {
        running = false;
        outbox.wake();
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        if (thread.getState() == Thread.State.NEW) {
            ended.complete(null);
        }
        return ended;
    }

    /** As {@link #closeAsync}, then waits up to {@code millis} for the thread to end. */
    void close(long millis) {
        try {
            closeAsync().get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("The MQTT link did not end within {} ms", millis);
        }
    }

    @Override
    public void run() {
        try {
            awaitPredecessor();
            connectUntilClosed();
        } finally {
            ended.complete(null);
        }
    }

    private void awaitPredecessor() {
        try {
            predecessor.get(HANDOVER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("The previous MQTT link had not ended after {} ms; connecting anyway", HANDOVER_MILLIS);
        }
    }

    private void connectUntilClosed() {
        Backoff backoff = new Backoff(settings.reconnectMinMillis(), settings.reconnectMaxMillis());
        while (running) {
            MqttClient client = null;
            try {
                client = connect();
                backoff.reset();
                publishLoop(client);
                if (!running) {
                    publishNow(client, offline);
                    client.disconnect(2000);
                }
            } catch (MqttException | RuntimeException e) {
                long delay = backoff.next();
                status.failed(ConnectionErrors.describe(settings, e), delay);
                if (running) {
                    pause(delay);
                }
            } finally {
                status.disconnected();
                closeQuietly(client);
            }
        }
    }

    private MqttClient connect() throws MqttException {
        lost = false;
        Semaphore places = new Semaphore(WINDOW + 1);
        slots = places;
        MqttClient client = new MqttClient(settings.serverUri(), "kapture-" + settings.nodeId(),
                new MemoryPersistence());
        client.setTimeToWait(15_000);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost = true;
                outbox.wake();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.incrementAndGet();
                listener.arrived(topic, message.getPayload(), message.isRetained());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                places.release(); // Paho has freed the message's place (the token completed earlier)
            }
        });
        try {
            client.connect(ConnectOptions.of(settings, offline));
            publishNow(client, online.get());
            if (!subscriptions.isEmpty()) {
                int[] qos = new int[subscriptions.size()];
                java.util.Arrays.fill(qos, subscriptionQos);
                client.subscribe(subscriptions.toArray(new String[0]), qos);
            }
        } catch (MqttException | RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
        status.connected(outbox.figures().buffered());
        listener.connected();
        return client;
    }

    private record InFlight(Outbound message, IMqttDeliveryToken token) {
    }

    /** Publishes {@code message} and waits for it (the online and offline status, outside the outbox's order). */
    private void publishNow(MqttClient client, Outbound message) throws MqttException {
        try {
            if (!slots.tryAcquire(2, TimeUnit.SECONDS)) {
                LOG.debug("Paho had not freed a place in flight within 2 s; publishing to '{}' anyway",
                        message.topic());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.publish(message.topic(), message.payload(), message.qos(), message.retained());
    }

    private void publishLoop(MqttClient client) throws MqttException {
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        Semaphore places = slots;
        Outbound last = null;
        try {
            while (running) {
                if (lost || !client.isConnected()) {
                    throw new MqttException(MqttException.REASON_CODE_CONNECTION_LOST);
                }
                while (inFlight.size() < WINDOW
                        && places.tryAcquire(inFlight.isEmpty() ? SLOT_WAIT_MILLIS : 0, TimeUnit.MILLISECONDS)) {
                    Outbound next = outbox.next(last, inFlight.isEmpty() ? 500 : 0);
                    IMqttDeliveryToken token = next == null ? null : publish(client, next);
                    if (token == null) {
                        places.release(); // nothing sent, so Paho will not call back for it
                        break;
                    }
                    inFlight.add(new InFlight(next, token));
                    last = next;
                }
                InFlight head = inFlight.peekFirst();
                if (head != null) {
                    head.token().waitForCompletion(15_000);
                    // take every completed one at once: one wake-up per batch, not per message
                    while ((head = inFlight.peekFirst()) != null && head.token().isComplete()) {
                        if (head.token().getException() != null) {
                            throw head.token().getException();
                        }
                        inFlight.pollFirst();
                        outbox.remove(head.message());
                        status.sent();
                    }
                }
            }
            for (InFlight pending : inFlight) { // stopping: let what is in flight arrive before the offline status
                pending.token().waitForCompletion(2000);
                outbox.remove(pending.message());
                status.sent();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Hands {@code message} to Paho: its token, or null when it was not sent — dropped because MQTT cannot carry it,
     * or refused because Paho has not freed a place yet (then it goes again, in order, after a short wait).
     */
    private IMqttDeliveryToken publish(MqttClient client, Outbound message) throws MqttException {
        try {
            MqttMessage mqtt = new MqttMessage(message.payload());
            mqtt.setQos(message.qos());
            mqtt.setRetained(message.retained());
            return client.getTopic(message.topic()).publish(mqtt);
        } catch (IllegalArgumentException refused) {
            LOG.warn("Dropping a message to '{}' that MQTT cannot carry: {}", message.topic(), refused.getMessage());
            outbox.discard(message);
            return null;
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                throw e;
            }
            LOG.debug("Paho has no place in flight yet for a message to '{}'; sending it again shortly",
                    message.topic());
            pause(1);
            return null;
        }
    }

    private void pause(long millis) {
        synchronized (sleeper) {
            long until = System.nanoTime() + millis * 1_000_000;
            long left = millis;
            while (running && left > 0) {
                try {
                    sleeper.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                left = (until - System.nanoTime()) / 1_000_000;
            }
        }
    }

    private static void closeQuietly(MqttClient client) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Closing the MQTT client: {}", e.getMessage());
        }
    }
}
