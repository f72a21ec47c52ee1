package io.kapture.engine.internal.session;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.fakes.CopyingStrategy;
import io.kapture.engine.internal.fakes.FakeProvider;
import io.kapture.engine.internal.fakes.FakeSource;
import io.kapture.engine.internal.fakes.LeasingStrategy;
import io.kapture.engine.internal.fakes.RecordingListener;
import io.kapture.engine.internal.fanout.Subscription;

/**
 * A camera session wired to fakes, without OSGi: a fake provider for devices {@code fake*}, a copying strategy
 * ({@code copy}) and a leasing one ({@code zerocopy}), and a small valid configuration for camera {@code cam0}
 * (16x4 GREY, 4 buffers, watchdog off, 20 ms retries) that tests change key by key.
 *
 * <p>Used from one test thread; the session does the rest. Changes made through the fixture wait until the
 * session's control thread has decided them, so a test can check their outcome at once.
 */
final class SessionFixture implements AutoCloseable {

    static final String CAMERA = "cam0";

    final FakeProvider provider = new FakeProvider("fake");
    final CopyingStrategy copy = new CopyingStrategy();
    final LeasingStrategy zerocopy = new LeasingStrategy(true);
    final CaptureSessionImpl session = new CaptureSessionImpl();
    private final Map<String, Object> config = new HashMap<>();

    SessionFixture() {
        config.put("service.pid", "io.kapture.camera~" + CAMERA);
        config.put("device", "fake0");
        config.put("width", 16);
        config.put("height", 4);
        config.put("pixel.format", "GREY");
        config.put("fps", 0.0);
        config.put("buffers", 4);
        config.put("delivery", "copy");
        config.put("queue.capacity", 8);
        config.put("drop.policy", "DROP_OLDEST");
        config.put("stall.timeout.ms", 0L);
        config.put("retry.interval.ms", 20L);
    }

    /** Registers the provider and both strategies, as SCR would before activation. */
    SessionFixture withServices() {
        session.addProvider(provider);
        session.addStrategy(copy, "copy");
        session.addStrategy(zerocopy, "zerocopy");
        session.awaitSettled();
        return this;
    }

    /** Changes keys (pairs of key and value; a null value removes the key) and hands the result to the session. */
    void configure(Object... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                config.remove((String) keysAndValues[i]);
            } else {
                config.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        session.configure(new HashMap<>(config));
        session.awaitSettled();
    }

    /** Hands the current configuration to the session again with {@code decided}, without waiting for either. */
    void reconfigureThen(Runnable decided) {
        session.configure(new HashMap<>(config), decided);
    }

    /** Configures and waits until frames can flow. */
    SessionFixture running(Object... keysAndValues) {
        configure(keysAndValues);
        awaitState(SessionState.RUNNING);
        return this;
    }

    FakeSource source() {
        return provider.last();
    }

    /** Subscribes a recording listener; properties are pairs of key and value. */
    RecordingListener listen(String name, Object... properties) {
        return listen(new RecordingListener(CAMERA), name, properties);
    }

    <L extends FrameListener> L listen(L listener, String name, Object... properties) {
        Map<String, Object> map = new HashMap<>();
        map.put("kapture.listener.name", name);
        for (int i = 0; i < properties.length; i += 2) {
            map.put((String) properties[i], properties[i + 1]);
        }
        session.addListener(listener, Subscription.of(listener, map, "test.bundle"));
        session.awaitSettled();
        return listener;
    }

    CaptureStats stats() {
        return session.stats();
    }

    ListenerStats listenerStats(String name) {
        return stats().listeners().stream().filter(listener -> listener.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no listener " + name + " in " + stats().listeners()));
    }

    void awaitState(SessionState state) {
        eventually(() -> session.state() == state);
    }

    void awaitCaptured(long frames) {
        eventually(() -> stats().captured() == frames);
    }

    /** Threads of this camera's streams (capture and delivery) still alive. */
    static List<String> streamThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("kapture-" + CAMERA + "-") || name.equals("kapture-capture-" + CAMERA))
                .collect(Collectors.toList());
    }

    static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(condition);
    }

    @Override
    public void close() {
        session.close();
        if (!session.awaitClosed(30_000)) {
            throw new AssertionError("camera " + CAMERA + " did not close within 30 s");
        }
    }
}
