package io.kapture.benchmarks.soak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kapture.api.CaptureStats;
import io.kapture.api.DropPolicy;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.FramePoolStats;
import io.kapture.api.ListenerStats;
import io.kapture.api.SessionState;
import io.kapture.delivery.internal.CopyDelivery;
import io.kapture.delivery.internal.PoolDelivery;
import io.kapture.delivery.internal.ZeroCopyDelivery;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.BoundedFramePool;
import io.kapture.synthetic.internal.SyntheticSourceProvider;

/**
 * The soaked pipeline, assembled as SCR would but without OSGi: one frame pool, the three delivery strategies,
 * the synthetic provider, {@code cameras} capture sessions (delivery strategies given in turn) with
 * {@code subscribers} {@link CheckingListener}s each, half of them lossless ({@code BLOCK}) and half
 * {@code DROP_OLDEST}. {@link #churn} restarts one camera and resubscribes one listener, round robin.
 *
 * <p>Counters of streams that ended are added up here, so {@link #totals} covers the whole run.
 *
 * <p>Threading contract: one thread (the soak's main thread) calls every method; the sessions run their own
 * threads.
 */
final class SoakRig implements AutoCloseable {

    private final SoakOptions options;
    private final BoundedFramePool pool = new BoundedFramePool(256L << 20);
    private final ZeroCopyDelivery zeroCopy = new ZeroCopyDelivery(pool, 1, 2_000);
    private final PoolDelivery pooled = new PoolDelivery(pool, BufferKind.DIRECT);
    private final CopyDelivery copy = new CopyDelivery();
    private final SyntheticSourceProvider provider = new SyntheticSourceProvider();
    private final List<CaptureSessionImpl> sessions = new ArrayList<>();
    private final List<List<CheckingListener>> listeners = new ArrayList<>();
    private final Totals ended = new Totals();
    private final List<CheckingListener> retired = new ArrayList<>();
    private long churns;
    private boolean closed;

    SoakRig(SoakOptions options) {
        this.options = options;
    }

    /** Configures and starts every camera with its subscribers. */
    void start() {
        for (int c = 0; c < options.cameras(); c++) {
            String camera = "soak" + c;
            CaptureSessionImpl session = new CaptureSessionImpl();
            session.addProvider(provider);
            session.setPool(pool);
            session.addStrategy(pooled, "pool");
            session.addStrategy(zeroCopy, "zerocopy");
            session.addStrategy(copy, "copy");
            List<CheckingListener> own = new ArrayList<>();
            for (int s = 0; s < options.subscribers(); s++) {
                CheckingListener listener = new CheckingListener(camera, 16);
                subscribe(session, listener, s);
                own.add(listener);
            }
            sessions.add(session);
            listeners.add(own);
            session.configure(cameraConfiguration(camera, options.deliveries().get(c % options.deliveries().size())));
        }
    }

    private Map<String, Object> cameraConfiguration(String camera, String delivery) {
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("service.pid", "io.kapture.camera~" + camera);
        configuration.put("name", camera);
        configuration.put("device", "synthetic:" + camera);
        configuration.put("width", options.width());
        configuration.put("height", options.height());
        configuration.put("pixel.format", "YUYV");
        configuration.put("fps", options.fps());
        configuration.put("buffers", 6);
        configuration.put("delivery", delivery);
        configuration.put("queue.capacity", 8);
        configuration.put("stall.timeout.ms", 5_000L);
        configuration.put("retry.interval.ms", 500L);
        return configuration;
    }

    private static void subscribe(CaptureSessionImpl session, CheckingListener listener, int index) {
        DropPolicy policy = index % 2 == 0 ? DropPolicy.BLOCK : DropPolicy.DROP_OLDEST;
        Map<String, Object> properties = Map.of(FrameListener.NAME, "checker-" + index,
                FrameListener.DROP_POLICY, policy.name(), FrameListener.QUEUE_CAPACITY, 8,
                FrameListener.BLOCK_TIMEOUT_MS, 1_000L);
        session.addListener(listener, Subscription.of(listener, properties, "soak"));
    }

    /** Whether every camera is running. */
    boolean allRunning() {
        return sessions.stream().allMatch(session -> session.state() == SessionState.RUNNING);
    }

    /**
     * Restarts camera {@code churns % cameras} and, while the next camera streams, replaces one of its listeners
     * with a fresh one. The replaced listener's counters are read just before it goes, so a handful of frames
     * around the swap may be missing from the totals.
     */
    void churn() {
        int c = (int) (churns % sessions.size());
        int next = (c + 1) % sessions.size();
        int s = (int) (churns / sessions.size() % options.subscribers());
        churns++;
        CaptureSessionImpl restarted = sessions.get(c);
        restarted.stop();
        ended.add(restarted.stats());
        restarted.start();
        CaptureSessionImpl resubscribed = sessions.get(next);
        CheckingListener old = listeners.get(next).get(s);
        String name = "checker-" + s;
        resubscribed.stats().listeners().stream().filter(listener -> listener.name().equals(name)).findFirst()
                .ifPresent(ended::add);
        resubscribed.removeListener(old);
        retired.add(old);
        CheckingListener fresh = new CheckingListener(resubscribed.camera(), 16);
        subscribe(resubscribed, fresh, s);
        listeners.get(next).set(s, fresh);
    }

    long churns() {
        return churns;
    }

    /** The whole run's counters: ended streams plus the running ones. */
    Totals totals() {
        Totals totals = ended.copy();
        for (CaptureSessionImpl session : sessions) {
            totals.add(session.stats());
        }
        for (List<CheckingListener> own : listeners) {
            own.forEach(totals::add);
        }
        retired.forEach(totals::add);
        return totals;
    }

    /** Marks an accounting line whose figures do not add up. */
    static final String UNBALANCED = "UNBALANCED";

    FramePoolStats poolStats() {
        return pool.stats();
    }

    /**
     * Per-listener accounting of every camera's current stream, as lines for the final report; a subscription
     * whose offered frames are not exactly delivered + dropped + queued is marked {@link #UNBALANCED}.
     */
    List<String> accounting() {
        List<String> lines = new ArrayList<>();
        for (CaptureSessionImpl session : sessions) {
            CaptureStats stats = session.stats();
            for (ListenerStats listener : stats.listeners()) {
                boolean balanced = listener.offered() == listener.delivered() + listener.dropped() + listener.queued()
                        && listener.offered() <= stats.captured();
                lines.add(String.format("%s %-10s %-11s offered %d (camera captured %d) delivered %d dropped %d "
                        + "queued %d errors %d%s", session.camera(), listener.name(), listener.policy(),
                        listener.offered(), stats.captured(), listener.delivered(), listener.dropped(),
                        listener.queued(), listener.errors(), balanced ? "" : " " + UNBALANCED));
            }
        }
        return lines;
    }

    String states() {
        StringBuilder text = new StringBuilder();
        for (CaptureSessionImpl session : sessions) {
            text.append(session.camera()).append('=').append(session.state());
            session.lastError().ifPresent(error -> text.append(" (").append(error).append(')'));
            text.append(' ');
        }
        return text.toString().trim();
    }

    /** Closes every session and the zero-copy reaper; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (CaptureSessionImpl session : sessions) {
            session.close();
            session.awaitClosed(30_000);
        }
        zeroCopy.close();
    }
}
