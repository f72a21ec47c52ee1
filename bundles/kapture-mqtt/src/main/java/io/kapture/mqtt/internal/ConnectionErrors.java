package io.kapture.mqtt.internal;

import javax.net.ssl.SSLException;

import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Words for why the broker could not be reached or refused us, saying what to check. Never includes the password.
 *
 * <p>Stateless; safe from any thread.
 */
final class ConnectionErrors {

    private ConnectionErrors() {
    }

    static String describe(MqttSettings settings, Exception e) {
        String broker = "MQTT broker " + settings.serverUri();
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return "TLS with " + broker + " failed: " + cause.getMessage()
                        + "; check the broker's certificate against tls.truststore (and tls.keystore if it wants a "
                        + "client certificate)";
            }
        }
        if (e instanceof MqttException mqtt) {
            switch (mqtt.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
                    return broker + " refused the login: bad user name or password" + user(settings)
                            + "; check username and password in io.kapture.mqtt";
                case MqttException.REASON_CODE_NOT_AUTHORIZED:
                    return broker + " refused the login: not authorised" + user(settings)
                            + "; check username and password in io.kapture.mqtt and the broker's ACL";
                case MqttException.REASON_CODE_INVALID_CLIENT_ID:
                    return broker + " refused client id kapture-" + settings.nodeId() + "; set another node.id";
                case MqttException.REASON_CODE_CONNECTION_LOST, MqttException.REASON_CODE_CLIENT_NOT_CONNECTED:
                    return "Lost the connection to " + broker + cause(e);
                default:
                    break;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.ConnectException) {
            return "Cannot connect to " + broker + " (" + root.getMessage() + "); is the broker running there?";
        }
        return "Cannot use " + broker + ": " + e.getMessage() + cause(e);
    }

    private static String user(MqttSettings settings) {
        return settings.username().isEmpty() ? " (no user name configured)" : " (user " + settings.username() + ")";
    }

    private static String cause(Exception e) {
        return e.getCause() == null ? "" : " (" + e.getCause() + ")";
    }
}
