package io.kapture.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * Paho's connect options from the settings: clean session (subscriptions are made again on every connect, and
 * retained desired configurations come again with them), the last will, credentials and TLS.
 *
 * <p>Stateless; safe from any thread.
 */
final class ConnectOptions {

    private ConnectOptions() {
    }

    static MqttConnectOptions of(MqttSettings settings, Outbound will) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setMaxInflight(Link.WINDOW + 1);
        options.setWill(will.topic(), will.payload(), will.qos(), will.retained());
        if (!settings.username().isEmpty()) {
            options.setUserName(settings.username());
            options.setPassword(settings.password().toCharArray());
        }
        if (settings.tls()) {
            options.setSocketFactory(sslContext(settings).getSocketFactory());
            options.setHttpsHostnameVerificationEnabled(true);
        }
        return options;
    }

    private static SSLContext sslContext(MqttSettings settings) {
        try {
            TrustManagerFactory trust = null;
            if (!settings.trustStore().isEmpty()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load("tls.truststore", settings.trustStore(), settings.trustStorePassword()));
            }
            KeyManagerFactory keys = null;
            if (!settings.keyStore().isEmpty()) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load("tls.keystore", settings.keyStore(), settings.keyStorePassword()),
                        settings.keyStorePassword().toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot set up TLS: " + e.getMessage()
                    + "; check tls.truststore, tls.keystore and their passwords in io.kapture.mqtt", e);
        }
    }

    private static KeyStore load(String key, String file, String password) throws GeneralSecurityException {
        String type = file.endsWith(".jks") ? "JKS" : "PKCS12";
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException(key + " '" + file + "' cannot be read as " + type + ": "
                    + e.getMessage() + " (a wrong password reads as a corrupt file)", e);
        }
    }
}
