package io.kapture.mqtt.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A Java MQTT client for tests (Paho, independent of the bridge's own connection code): records every message of
 * its subscriptions, and can publish. With {@code persistent} its session outlives a disconnect, so a broker with
 * persistence queues QoS 1 messages for it across a restart.
 *
 * <p>Threading contract: Paho's thread appends; the test thread reads copies under the same lock.
 */
public final class Subscriber implements AutoCloseable {

    /** One received message. */
    public record Message(String topic, byte[] payload, boolean retained, long receivedMillis) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttClient client;
    private final List<Message> messages = new ArrayList<>();

    public Subscriber(String uri, String clientId, boolean persistent, String... filters) throws MqttException {
        client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(!persistent);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(500);
        options.setMaxInflight(1000);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect && !persistent) { // a clean session lost its subscriptions: make them again
                    Thread again = new Thread(() -> subscribe(filters), "subscriber-resubscribe");
                    again.setDaemon(true);
                    again.start();
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                // automatic reconnect
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                synchronized (messages) {
                    messages.add(new Message(topic, message.getPayload(), message.isRetained(),
                            System.currentTimeMillis()));
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // publishing is synchronous
            }
        });
        client.connect(options);
        subscribe(filters);
    }

    private void subscribe(String[] filters) {
        if (filters.length > 0) {
            int[] qos = new int[filters.length];
            java.util.Arrays.fill(qos, 1);
            try {
                client.subscribe(filters, qos);
            } catch (MqttException e) {
                throw new IllegalStateException("cannot subscribe to " + java.util.Arrays.toString(filters), e);
            }
        }
    }

    public List<Message> messages() {
        synchronized (messages) {
            return new ArrayList<>(messages);
        }
    }

    public List<Message> on(String topic) {
        return messages().stream().filter(message -> message.topic().equals(topic)).toList();
    }

    public List<Message> matching(Predicate<Message> filter) {
        return messages().stream().filter(filter).toList();
    }

    public void clear() {
        synchronized (messages) {
            messages.clear();
        }
    }

    public void publish(String topic, String payload, boolean retained) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    public void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        client.publish(topic, payload, 1, retained);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(1000);
        }
        client.close(true);
    }
}
