package io.kapture.mqtt.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@link Mosquitto} for a JUnit 5 test class, on a free loopback port, in a temporary folder of its own that
 * is deleted after it stops. Registered on a static field ({@code @RegisterExtension static final MosquittoBroker
 * broker = new MosquittoBroker();}) one broker serves the whole class, started before its first test and stopped
 * after its last; on an instance field each test gets a fresh broker, stopped after it. A test may stop and start
 * it (a broker outage); it is stopped in the end either way.
 *
 * <p>Threading contract: JUnit's thread starts and stops it; the test thread drives it in between.
 */
public final class MosquittoBroker
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final String[] configuration;
    private Path parent;
    private Mosquitto broker;
    private boolean perTest;

    /** @param configuration extra lines for mosquitto.conf, as {@link Mosquitto#start(Path, String...)} takes */
    public MosquittoBroker(String... configuration) {
        this.configuration = configuration.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (broker == null) {
            perTest = true;
            open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** The broker, for what the methods below do not cover. */
    public Mosquitto get() {
        if (broker == null) {
            throw new IllegalStateException("the broker runs only while a test does: register MosquittoBroker with"
                    + " @RegisterExtension");
        }
        return broker;
    }

    public String uri() {
        return get().uri();
    }

    public int port() {
        return get().port();
    }

    /** Stops the broker as a service manager does; {@link #start()} brings it back with what it persisted. */
    public void stop() {
        get().stop();
    }

    public void start() {
        get().start();
    }

    /** The retained message of {@code topic} as mosquitto_sub sees it (see {@link Mosquitto#retained}). */
    public String retained(String topic) {
        return get().retained(topic);
    }

    private void open() {
        try {
            parent = Files.createTempDirectory("kapture-mosquitto");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            broker = Mosquitto.start(parent, configuration);
        } catch (RuntimeException e) {
            delete(parent);
            throw e;
        }
    }

    private void close() {
        if (broker == null) {
            return;
        }
        broker.stop();
        broker = null;
        delete(parent);
    }

    private static void delete(Path parent) {
        try (Stream<Path> tree = Files.walk(parent)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the broker's folder " + parent, e);
        }
    }
}
