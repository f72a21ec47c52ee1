package io.kapture.mqtt.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.mqtt.testing.Mosquitto;

/**
 * The bridge against a Mosquitto that speaks only TLS, with certificates made by openssl for this test: with the
 * test CA in {@code tls.truststore} it connects; without it, the handshake fails with a clear error naming the
 * trust store; a broker that wants a client certificate takes the one in {@code tls.keystore}.
 */
class TlsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STORE_PASSWORD = "store-secret";

    @TempDir
    static Path folder;

    @BeforeAll
    static void makeCertificates() throws Exception {
        Files.writeString(folder.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1\n");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-subj", "/CN=kapture-test-ca", "-days", "2");
        for (String name : List.of("server", "client")) {
            run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                    "-subj", "/CN=" + (name.equals("server") ? "127.0.0.1" : "kapture-node"));
            run("openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", name + ".crt", "-days", "2", "-extfile", "ext.cnf");
        }
        run("keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", "trust.p12",
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        run("openssl", "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-out", "client.p12",
                "-passout", "pass:" + STORE_PASSWORD);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + out);
    }

    private static Mosquitto tlsBroker(boolean clientCertificate) {
        return Mosquitto.start(folder, "cafile " + folder.resolve("ca.crt"), "certfile " + folder.resolve("server.crt"),
                "keyfile " + folder.resolve("server.key"), "require_certificate " + clientCertificate);
    }

    private static String ssl(Mosquitto broker) {
        return "ssl://127.0.0.1:" + broker.port();
    }

    @Test
    void connectsWithTheTrustStoreAndExplainsAFailedHandshakeWithout() {
        try (Mosquitto broker = tlsBroker(false)) {
            BridgeRuntime trusting = Bridges.start(Bridges.config(ssl(broker), "tls1")
                    .with("tls.truststore", folder.resolve("trust.p12").toString())
                    .with("tls.truststore.password", STORE_PASSWORD), List.of(), new MemoryStore());
            try {
                await().atMost(WAIT).until(() -> trusting.view().connected());
            } finally {
                trusting.stop();
            }
            BridgeRuntime unaware = Bridges.start(Bridges.config(ssl(broker), "tls2"), List.of(), new MemoryStore());
            try {
                await().atMost(WAIT).until(() -> unaware.view().lastError().isPresent());
                String error = unaware.view().lastError().get();
                assertTrue(error.startsWith("TLS with MQTT broker " + ssl(broker) + " failed: "), error);
                assertTrue(error.contains("tls.truststore"), error);
                assertTrue(!unaware.view().connected());
            } finally {
                unaware.stop();
            }
        }
    }

    @Test
    void presentsTheClientCertificateWhenTheBrokerWantsOne() {
        try (Mosquitto broker = tlsBroker(true)) {
            BridgeRuntime withoutCertificate = Bridges.start(Bridges.config(ssl(broker), "tls3")
                    .with("tls.truststore", folder.resolve("trust.p12").toString())
                    .with("tls.truststore.password", STORE_PASSWORD), List.of(), new MemoryStore());
            try {
                await().atMost(WAIT).until(() -> withoutCertificate.view().lastError().isPresent());
                assertTrue(!withoutCertificate.view().connected());
                String error = withoutCertificate.view().lastError().get();
                assertTrue(error.startsWith("TLS with MQTT broker " + ssl(broker) + " failed: "), error);
            } finally {
                withoutCertificate.stop();
            }
            BridgeRuntime node = Bridges.start(Bridges.config(ssl(broker), "tls4")
                    .with("tls.truststore", folder.resolve("trust.p12").toString())
                    .with("tls.truststore.password", STORE_PASSWORD)
                    .with("tls.keystore", folder.resolve("client.p12").toString())
                    .with("tls.keystore.password", STORE_PASSWORD), List.of(), new MemoryStore());
            try {
                await().atMost(WAIT).until(() -> node.view().connected());
                assertTrue(node.view().lastError().isEmpty(), node.view().lastError().toString());
            } finally {
                node.stop();
            }
        }
    }
}
