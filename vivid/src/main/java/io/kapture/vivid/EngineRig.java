package io.kapture.vivid;

import java.util.Map;

import io.kapture.api.FrameListener;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.delivery.internal.CopyDeliveryComponent;
import io.kapture.delivery.internal.PoolDeliveryComponent;
import io.kapture.delivery.internal.ZeroCopyDeliveryComponent;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.FramePoolComponent;
import io.kapture.v4l2.internal.V4l2SourceProvider;

/**
 * One camera of Kapture's engine as Karaf wires it, for the checks on other drivers than vivid (v4l2loopback,
 * libcamera's compatibility layer): the V4L2 provider (without its hot-plug watcher), the frame pool and one delivery
 * strategy made as SCR makes them ({@link Components}), and a {@link CaptureSessionImpl} they are bound to. With
 * {@code zerocopy} the {@code pool} strategy is bound too, as kapture-delivery registers all three in Karaf: the
 * engine delivers with it from a source that cannot lend its buffers.
 * Listeners subscribe with the service properties a whiteboard listener would carry. Closing closes the session and
 * deactivates the components.
 *
 * <p>Threading contract: owned by one check's thread; the session runs its own threads.
 */
final class EngineRig implements AutoCloseable {

    private final V4l2SourceProvider provider;
    private final DeliveryStrategy strategy;
    /** The pool strategy bound next to zero-copy; null otherwise. */
    private final DeliveryStrategy copying;
    private final CaptureSessionImpl session = new CaptureSessionImpl();

    EngineRig(String delivery) {
        this(delivery, Map.of());
    }

    /** @param strategyConfig configuration of the strategy's component, by annotation method name */
    EngineRig(String delivery, Map<String, Object> strategyConfig) {
        FramePoolComponent pool = Components.activate(FramePoolComponent.class, Map.of());
        this.provider = Components.activate(V4l2SourceProvider.class, Map.of("hotplug", false));
        this.strategy = switch (delivery) {
            case DeliveryStrategy.ZEROCOPY -> Components.activate(ZeroCopyDeliveryComponent.class, strategyConfig, pool);
            case DeliveryStrategy.POOL -> Components.activate(PoolDeliveryComponent.class, strategyConfig, pool);
            default -> Components.activate(CopyDeliveryComponent.class, strategyConfig);
        };
        this.copying = delivery.equals(DeliveryStrategy.ZEROCOPY)
                ? Components.activate(PoolDeliveryComponent.class, Map.of(), pool) : null;
        session.setPool(pool);
        session.addProvider(provider);
        session.addStrategy(strategy, delivery);
        if (copying != null) {
            session.addStrategy(copying, DeliveryStrategy.POOL);
        }
    }

    V4l2SourceProvider provider() {
        return provider;
    }

    CaptureSessionImpl session() {
        return session;
    }

    /** Subscribes {@code listener} with these whiteboard service properties, as the engine's tracker would. */
    void subscribe(FrameListener listener, Map<String, ?> properties) {
        session.addListener(listener, Subscription.of(listener, properties, "kapture-vivid"));
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            Components.deactivate(strategy);
            if (copying != null) {
                Components.deactivate(copying);
            }
            Components.deactivate(provider);
        }
    }
}
