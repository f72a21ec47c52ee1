package io.kapture.mqtt.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
 * are still at the head of the outbox and go again first (at least once, as QoS 1 promises). Each
 * distinct connection problem is logged once as a warning; repeats go to debug, so a wrong password or a broker
 * that is down does not flood the log.
 *
 * <p>A link that replaces another (a new configuration, a reactivated bundle) waits, on its own thread, for the one
 * before it to have said "offline" and disconnected, at most {@value #HANDOVER_MILLIS} ms: otherwise the old
 * link's offline status could land after the new one's online status and leave the node shown offline. Nobody
 * else waits for that, so SCR's threads never block on the network.
 *
 * <p>Threading contract: {@link #startAfter} and {@link #closeAsync} / {@link #close} from any one thread (SCR's);
 * the figures from any thread. Paho's callback thread only counts and hands incoming messages to the {@link LinkListener}.
 */
final class Link implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Link.class);
    /** Messages published and not yet acknowledged, at most. */
    static final int WINDOW = 64;
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
                    client.publish(offline.topic(), offline.payload(), offline.qos(), offline.retained());
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
                // the synchronous publish returns when this happens
            }
        });
        try {
            client.connect(ConnectOptions.of(settings, offline));
            Outbound hello = online.get();
            client.publish(hello.topic(), hello.payload(), hello.qos(), hello.retained());
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

    private void publishLoop(MqttClient client) throws MqttException {
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        Outbound last = null;
        try {
            while (running) {
                if (lost || !client.isConnected()) {
                    throw new MqttException(MqttException.REASON_CODE_CONNECTION_LOST);
                }
                while (inFlight.size() < WINDOW) {
                    Outbound next = outbox.next(last, inFlight.isEmpty() ? 500 : 0);
                    if (next == null) {
                        break;
                    }
                    last = next;
                    try {
                        MqttMessage message = new MqttMessage(next.payload());
                        message.setQos(next.qos());
                        message.setRetained(next.retained());
                        inFlight.add(new InFlight(next, client.getTopic(next.topic()).publish(message)));
                    } catch (IllegalArgumentException refused) {
                        LOG.warn("Dropping a message to '{}' that MQTT cannot carry: {}", next.topic(),
                                refused.getMessage());
                        outbox.discard(next);
                    }
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
