package io.kapture.web.internal;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.kapture.api.DropPolicy;
import io.kapture.api.FrameListener;

/**
 * Registers a {@link FrameListener} for one camera. Each browser streaming a camera gets a listener of its own,
 * registered while its request lasts, so the preview registers them itself rather than as components; tests
 * substitute a registrar that records the listeners instead of a framework.
 *
 * <p>Threading contract: implementations may be called from any thread; the returned registration's
 * {@link Registration#close()} is idempotent and safe from any thread.
 */
@FunctionalInterface
interface ListenerRegistrar {

    /** Registers {@code listener} with these service properties. */
    Registration register(FrameListener listener, Map<String, Object> properties);

    /** A registration that {@link #close()} takes back. */
    interface Registration extends AutoCloseable {
        /** Unregisters; later calls do nothing. */
        @Override
        void close();
    }

    /** Subscription properties for one camera: a short queue that drops the oldest frame when it is full. */
    static Map<String, Object> subscription(String camera, String name, int queueCapacity) {
        return Map.of(FrameListener.CAMERA, camera, FrameListener.QUEUE_CAPACITY, queueCapacity,
                FrameListener.DROP_POLICY, DropPolicy.DROP_OLDEST.name(), FrameListener.NAME, name);
    }

    /** Registers listeners as services of {@code context}'s bundle. */
    static ListenerRegistrar of(BundleContext context) {
        return (listener, properties) -> {
            ServiceRegistration<FrameListener> registration = context.registerService(FrameListener.class, listener,
                    new Hashtable<>(properties));
            AtomicBoolean closed = new AtomicBoolean();
            return () -> {
                if (closed.compareAndSet(false, true)) {
                    try {
                        registration.unregister();
                    } catch (IllegalStateException alreadyGone) {
                        // The framework unregisters a stopping bundle's services itself; nothing is left to do.
                    }
                }
            };
        };
    }
}
