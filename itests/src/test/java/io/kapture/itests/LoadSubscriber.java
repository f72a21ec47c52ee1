package io.kapture.itests;

import java.nio.ByteBuffer;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.kapture.api.DropPolicy;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * A subscriber for load tests: registered as a service for one camera, it reads each frame's first and last
 * byte (so the memory is really touched), counts frames and counts those that name another camera or whose data is not as long as the frame says.
 * It keeps nothing, so it never holds a pooled or driver buffer past its call.
 *
 * <p>Threading contract: Kapture calls {@link #onFrame} on one delivery thread per subscription (a new one after
 * each engine restart); the counters are atomic and read by the test thread.
 */
final class LoadSubscriber implements FrameListener, AutoCloseable {

    private final String camera;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bad = new AtomicLong();
    private final AtomicLong touched = new AtomicLong();
    private ServiceRegistration<FrameListener> registration;

    private LoadSubscriber(String camera) {
        this.camera = camera;
    }

    /** Registers a subscriber of {@code camera} named {@code name} with the given queue. */
    static LoadSubscriber register(BundleContext context, String camera, String name, DropPolicy policy,
            int queueCapacity) {
        LoadSubscriber subscriber = new LoadSubscriber(camera);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(FrameListener.CAMERA, camera);
        properties.put(FrameListener.NAME, name);
        properties.put(FrameListener.DROP_POLICY, policy.name());
        properties.put(FrameListener.QUEUE_CAPACITY, queueCapacity);
        subscriber.registration = context.registerService(FrameListener.class, subscriber, properties);
        return subscriber;
    }

    @Override
    public void onFrame(Frame frame) {
        ByteBuffer data = frame.data();
        int used = frame.bytesUsed();
        if (!camera.equals(frame.camera()) || data.remaining() != used || used == 0) {
            bad.incrementAndGet();
        } else {
            touched.addAndGet(data.get(0) + data.get(used - 1));
        }
        frames.incrementAndGet();
    }

    long frames() {
        return frames.get();
    }

    long bad() {
        return bad.get();
    }

    @Override
    public void close() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
