package io.kapture.itests;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.kapture.api.DropPolicy;
import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;

/**
 * A frame listener a test registers as a service to see what Kapture delivers: for every frame it keeps the
 * camera, sequence number and format, and checks on the spot that the image is readable and as long as the frame
 * says. It keeps no frame, so it never holds a pooled or driver buffer past its call.
 *
 * <p>Threading contract: Kapture calls {@link #onFrame} on its delivery threads (one per camera, never two at once
 * for one camera); the test thread reads the record. Both go through this object's monitor.
 */
final class RecordingListener implements FrameListener, AutoCloseable {

    /** What the listener noted of one frame. */
    record Seen(String camera, long sequence, FrameFormat format, int bytesUsed, boolean readable) {
    }

    private final List<Seen> seen = new ArrayList<>();
    private ServiceRegistration<FrameListener> registration;

    private RecordingListener() {
    }

    /**
     * Registers a new listener for one camera. {@link DropPolicy#BLOCK} with a deep queue makes every captured
     * frame reach it, which tests of sequence continuity need.
     */
    static RecordingListener register(BundleContext context, String camera, DropPolicy policy, int queueCapacity) {
        RecordingListener listener = new RecordingListener();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(FrameListener.CAMERA, camera);
        properties.put(FrameListener.DROP_POLICY, policy.name());
        properties.put(FrameListener.QUEUE_CAPACITY, queueCapacity);
        properties.put(FrameListener.NAME, "itest-" + camera);
        listener.registration = context.registerService(FrameListener.class, listener, properties);
        return listener;
    }

    @Override
    public synchronized void onFrame(Frame frame) {
        int bytesUsed = frame.bytesUsed();
        boolean readable = frame.data().remaining() == bytesUsed && bytesUsed > 0;
        if (readable) {
            frame.data().get(bytesUsed - 1);
        }
        seen.add(new Seen(frame.camera(), frame.sequence(), frame.format(), bytesUsed, readable));
    }

    /** Frames seen so far. */
    synchronized int count() {
        return seen.size();
    }

    /** A copy of everything seen so far, in arrival order. */
    synchronized List<Seen> frames() {
        return List.copyOf(seen);
    }

    /** Describes the first break in the sequence numbers, or returns an empty string if they are contiguous. */
    synchronized String firstSequenceBreak() {
        for (int i = 1; i < seen.size(); i++) {
            long previous = seen.get(i - 1).sequence();
            long current = seen.get(i).sequence();
            if (current != previous + 1) {
                return "frame " + i + " of " + seen.size() + " has sequence " + current + " after " + previous;
            }
        }
        return "";
    }

    /** Unregisters the listener; idempotent. */
    @Override
    public synchronized void close() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
