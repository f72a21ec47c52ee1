package io.kapture.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.SessionState;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.delivery.internal.CopyDelivery;
import io.kapture.delivery.internal.PoolDelivery;
import io.kapture.delivery.internal.ZeroCopyDelivery;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.BoundedFramePool;
import io.kapture.synthetic.internal.SyntheticSourceProvider;

/**
 * The real capture pipeline assembled without OSGi, as the benchmark programs use it: the engine's
 * {@link CaptureSessionImpl} with the synthetic camera, a frame pool, one delivery strategy and the given
 * listeners, each subscribed with its own service properties. What SCR would wire is wired by hand here.
 *
 * <p>Threading contract: started and closed by one thread; the session runs its own capture and delivery threads
 * in between.
 */
final class Pipeline implements AutoCloseable {

    /** Pool budget: room for the buffers of every strategy at 4K with a few listeners holding frames. */
    private static final long POOL_BYTES = 512L << 20;

    private final CaptureSessionImpl session = new CaptureSessionImpl();
    private final BoundedFramePool pool = new BoundedFramePool(POOL_BYTES);
    private ZeroCopyDelivery zeroCopy;

    private Pipeline() {
    }

    /**
     * Starts a camera and returns once it runs.
     *
     * @param strategy  {@code copy}, {@code pool} or {@code zerocopy}
     * @param minQueued zero-copy's {@code min.queued}: below this many queued driver buffers it copies. The
     *                  default is 1; an unthrottled synthetic camera fills every buffer the moment it is queued, so
     *                  it never has one queued and needs 0 for zero-copy to stay zero-copy
     * @param format    frame size and pixel format of the synthetic camera
     * @param fps       frames per second; 0 for as fast as the listeners take them
     * @param buffers   driver buffers
     * @param listeners each listener with its service properties
     */
    static Pipeline start(String strategy, int minQueued, FrameFormat format, double fps, int buffers,
            Map<FrameListener, Map<String, Object>> listeners) {
        return start(strategy, minQueued, format, fps, buffers, listeners, new SyntheticSourceProvider(), "synthetic");
    }

    /** As above, capturing from {@code device} of {@code provider} instead of the synthetic camera. */
    static Pipeline start(String strategy, int minQueued, FrameFormat format, double fps, int buffers,
            Map<FrameListener, Map<String, Object>> listeners, CaptureSourceProvider provider, String device) {
        Pipeline pipeline = new Pipeline();
        boolean started = false;
        try {
            pipeline.open(strategy, minQueued, format, fps, buffers, listeners, provider, device);
            started = true;
            return pipeline;
        } finally {
            if (!started) {
                pipeline.close();
            }
        }
    }

    private void open(String strategy, int minQueued, FrameFormat format, double fps, int buffers,
            Map<FrameListener, Map<String, Object>> listeners, CaptureSourceProvider provider, String device) {
        session.addProvider(provider);
        session.setPool(pool);
        session.addStrategy(strategy(strategy, minQueued), strategy);
        listeners.forEach((listener, properties) -> session.addListener(listener,
                Subscription.of(listener, properties, "benchmarks")));
        Map<String, Object> camera = new HashMap<>();
        camera.put("name", "bench");
        camera.put("device", device);
        camera.put("width", format.width());
        camera.put("height", format.height());
        camera.put("pixel.format", format.pixelFormat().name());
        camera.put("fps", fps);
        camera.put("buffers", buffers);
        camera.put("delivery", strategy);
        session.configure(camera);
        awaitUntil(() -> session.state() == SessionState.RUNNING, "camera to start");
    }

    private DeliveryStrategy strategy(String name, int minQueued) {
        return switch (name) {
            case DeliveryStrategy.COPY -> new CopyDelivery();
            case DeliveryStrategy.POOL -> new PoolDelivery(pool, BufferKind.DIRECT);
            case DeliveryStrategy.ZEROCOPY -> zeroCopy = new ZeroCopyDelivery(pool, minQueued, 60_000);
            default -> throw new IllegalArgumentException("unknown strategy '" + name
                    + "'; use copy, pool or zerocopy");
        };
    }

    CaptureSessionImpl session() {
        return session;
    }

    /** Registers listeners with the running camera as SCR would a whiteboard service (for the RTSP benchmark). */
    ListenerRegistrar registrar() {
        return (listener, properties) -> {
            session.addListener(listener, Subscription.of(listener, properties, "benchmarks"));
            AtomicBoolean closed = new AtomicBoolean();
            return () -> {
                if (closed.compareAndSet(false, true)) {
                    session.removeListener(listener);
                }
            };
        };
    }

    /** Waits (polling every millisecond, up to 30 s) until {@code condition} holds. */
    void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for the " + what + ": camera " + session.state()
                        + " " + session.lastError().orElse(""));
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Override
    public void close() {
        session.close();
        session.awaitClosed(30_000);
        if (zeroCopy != null) {
            zeroCopy.close();
        }
    }
}
