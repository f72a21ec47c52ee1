package io.kapture.itests;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CountDownLatch;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.kapture.api.DropPolicy;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * A listener that hangs in its first call until closed, as a processor stuck on a dead network peer would: its
 * queue fills and every later frame is dropped (or, under {@link DropPolicy#BLOCK}, holds up the capture thread
 * for the block timeout each time).
 *
 * <p>Threading contract: {@link #onFrame} runs on the listener's delivery thread; {@link #close()} on the test
 * thread releases it and unregisters the service.
 */
final class StuckListener implements FrameListener, AutoCloseable {

    private final CountDownLatch released = new CountDownLatch(1);
    private ServiceRegistration<FrameListener> registration;

    /** Registers a stuck listener of {@code camera} named {@code name}, with a queue of one frame. */
    static StuckListener register(BundleContext context, String camera, String name, DropPolicy policy,
            long blockTimeoutMillis) {
        StuckListener listener = new StuckListener();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(FrameListener.CAMERA, camera);
        properties.put(FrameListener.NAME, name);
        properties.put(FrameListener.DROP_POLICY, policy.name());
        properties.put(FrameListener.QUEUE_CAPACITY, 1);
        properties.put(FrameListener.BLOCK_TIMEOUT_MS, blockTimeoutMillis);
        // its queue's drops are what the tests watch: never the camera's inline listener (which would be taken over)
        properties.put(FrameListener.DELIVERY_THREAD, true);
        listener.registration = context.registerService(FrameListener.class, listener, properties);
        return listener;
    }

    @Override
    public void onFrame(Frame frame) {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        registration.unregister();
    }
}
