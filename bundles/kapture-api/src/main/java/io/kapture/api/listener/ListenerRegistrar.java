package io.kapture.api.listener;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.kapture.api.DropPolicy;
import io.kapture.api.FrameListener;

/**
 * Registers a {@link FrameListener} with service properties chosen at run time. A component whose camera comes from
 * its configuration cannot carry it under {@link FrameListener#CAMERA} as a static service property, and a
 * listener per browser or per shell command lives only as long as its request: such code registers its listeners
 * through a registrar. {@link #of(BundleContext)} registers them as services for real; tests implement this
 * interface to keep the listener and deliver frames themselves, without a framework.
 *
 * <p>Threading contract: {@link #register} may be called from any thread; the returned registration's
 * {@link Registration#close()} is idempotent and safe from any thread.
 */
@ConsumerType
@FunctionalInterface
public interface ListenerRegistrar {

    /**
     * Registers {@code listener} with these service properties, such as {@link #subscription}'s.
     *
     * @return the registration, which {@link Registration#close()} takes back
     */
    Registration register(FrameListener listener, Map<String, Object> properties);

    /** A listener's registration. */
    interface Registration extends AutoCloseable {
        /** Unregisters the listener; later calls do nothing. Never throws. */
        @Override
        void close();
    }

    /**
     * Subscription properties for one camera whose listener wants the latest frames: a queue of
     * {@code queueCapacity} frames that drops the oldest when it is full, so a slow listener never holds the camera
     * back. The listener is always called on that queue's own delivery thread, never on the camera's capture thread
     * ({@link FrameListener#DELIVERY_THREAD}): the code that registers listeners this way encodes, writes or
     * sends what it gets.
     *
     * @param camera        the camera's name, {@link FrameListener#CAMERA}
     * @param name          the listener's display name in statistics and logs, {@link FrameListener#NAME}
     * @param queueCapacity the queue's capacity, at least 1, {@link FrameListener#QUEUE_CAPACITY}
     * @return an immutable map of the five properties
     * @throws IllegalArgumentException if {@code queueCapacity} is less than 1
     */
    static Map<String, Object> subscription(String camera, String name, int queueCapacity) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, was " + queueCapacity);
        }
        return Map.of(FrameListener.CAMERA, camera, FrameListener.QUEUE_CAPACITY, queueCapacity,
                FrameListener.DROP_POLICY, DropPolicy.DROP_OLDEST.name(), FrameListener.NAME, name,
                FrameListener.DELIVERY_THREAD, Boolean.TRUE);
    }

    /**
     * A registrar that registers listeners as services of {@code context}'s bundle. Closing a registration after
     * the bundle stopped does nothing: the framework has unregistered its services already.
     */
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
