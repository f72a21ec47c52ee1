package io.kapture.engine.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.ListenerStats;
import io.kapture.api.SessionState;
import io.kapture.delivery.internal.CopyDelivery;
import io.kapture.delivery.internal.PoolDelivery;
import io.kapture.delivery.internal.ZeroCopyDelivery;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.BoundedFramePool;

/**
 * The real pipeline without OSGi, as SCR would wire it: one {@link BoundedFramePool}, the copy, pool and
 * zero-copy strategies of kapture-delivery (zero-copy with a short lease so that hostile holders are reclaimed
 * within a test), the synthetic camera behind a {@link FaultyProvider}, and any number of cameras, each a
 * {@link CaptureSessionImpl}. Camera configurations start from a small, fast, valid one (160x120 YUYV, 8
 * buffers, watchdog off, 50 ms retries) that tests change key by key.
 *
 * <p>Used from the test thread; the sessions run their own threads. {@link #close} closes every camera and the
 * zero-copy reaper.
 */
final class Pipeline implements AutoCloseable {

    /** Lease of zero-copy frames: short, so a holder that never releases is reclaimed quickly. */
    static final long LEASE_MS = 150;

    final BoundedFramePool pool = new BoundedFramePool(64L << 20);
    final FaultyProvider provider = new FaultyProvider();
    final ZeroCopyDelivery zeroCopy = new ZeroCopyDelivery(pool, 1, LEASE_MS);
    final PoolDelivery pooled = new PoolDelivery(pool, BufferKind.DIRECT);
    final CopyDelivery copy = new CopyDelivery();
    private final List<CaptureSessionImpl> sessions = new ArrayList<>();

    /** A camera session with every service bound, not configured yet. */
    CaptureSessionImpl camera() {
        CaptureSessionImpl session = new CaptureSessionImpl();
        session.addProvider(provider);
        session.setPool(pool);
        session.addStrategy(copy, "copy");
        session.addStrategy(pooled, "pool");
        session.addStrategy(zeroCopy, "zerocopy");
        session.awaitSettled();
        sessions.add(session);
        return session;
    }

    /** The base configuration of camera {@code name} on device {@code synthetic:<name>}, with changes as pairs. */
    static Map<String, Object> configuration(String name, Object... keysAndValues) {
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("service.pid", "io.kapture.camera~" + name);
        configuration.put("device", "synthetic:" + name);
        configuration.put("width", 160);
        configuration.put("height", 120);
        configuration.put("pixel.format", "YUYV");
        configuration.put("fps", 0.0);
        configuration.put("buffers", 8);
        configuration.put("delivery", "pool");
        configuration.put("queue.capacity", 8);
        configuration.put("drop.policy", "DROP_OLDEST");
        configuration.put("stall.timeout.ms", 0L);
        configuration.put("retry.interval.ms", 50L);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                configuration.remove((String) keysAndValues[i]);
            } else {
                configuration.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return configuration;
    }

    /** Subscribes {@code listener} under {@code name}; more service properties as pairs. */
    static <L extends FrameListener> L subscribe(CaptureSessionImpl session, L listener, String name,
            Object... properties) {
        Map<String, Object> map = new HashMap<>();
        map.put(FrameListener.NAME, name);
        for (int i = 0; i < properties.length; i += 2) {
            map.put((String) properties[i], properties[i + 1]);
        }
        session.addListener(listener, Subscription.of(listener, map, "reliability.test"));
        session.awaitSettled();
        return listener;
    }

    static ListenerStats listener(CaptureStats stats, String name) {
        return stats.listeners().stream().filter(listener -> listener.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no listener " + name + " in " + stats.listeners()));
    }

    static void awaitState(CaptureSessionImpl session, SessionState state) {
        eventually(() -> session.state() == state);
    }

    static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(condition);
    }

    @Override
    public void close() {
        for (CaptureSessionImpl session : sessions) {
            session.close();
        }
        for (CaptureSessionImpl session : sessions) {
            session.awaitClosed(30_000);
        }
        zeroCopy.close();
    }
}
