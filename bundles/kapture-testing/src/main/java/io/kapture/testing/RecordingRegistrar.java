package io.kapture.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.listener.ListenerRegistrar;

/**
 * Stands in for the framework and Kapture's engine as far as listeners go: keeps the listeners registered through
 * it with their properties, counts registrations and unregistrations, and hands frames to the listeners subscribed
 * to their camera, on the caller's thread.
 *
 * <p>Threading contract: thread-safe; registrations, unregistrations and deliveries may come from any threads.
 * Subscribers are kept in a copy-on-write list, so a delivery works on a consistent snapshot.
 */
public final class RecordingRegistrar implements ListenerRegistrar {

    /** A listener as registered, with its service properties. */
    public record Subscriber(FrameListener listener, Map<String, Object> properties) {

        /** Whether it subscribed to this camera: {@link FrameListener#CAMERA} names it, is absent, empty or "*". */
        public boolean wants(String camera) {
            Object filter = properties.get(FrameListener.CAMERA);
            List<?> names = filter instanceof String[] array ? Arrays.asList(array)
                    : filter == null ? List.of() : List.of(filter);
            return names.isEmpty() || names.contains(FrameListener.ALL_CAMERAS) || names.contains(camera);
        }
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger unregistrations = new AtomicInteger();

    @Override
    public Registration register(FrameListener listener, Map<String, Object> properties) {
        Subscriber subscriber = new Subscriber(listener, Map.copyOf(properties));
        subscribers.add(subscriber);
        registrations.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                subscribers.remove(subscriber);
                unregistrations.incrementAndGet();
            }
        };
    }

    /** The listeners registered now, oldest first. */
    public List<Subscriber> subscribers() {
        return List.copyOf(subscribers);
    }

    /**
     * The one listener registered now, for components that register exactly one.
     *
     * @throws IllegalStateException if none or several are registered
     */
    public Subscriber subscriber() {
        List<Subscriber> now = subscribers();
        if (now.size() != 1) {
            throw new IllegalStateException("expected one registered listener, found " + now.size());
        }
        return now.get(0);
    }

    /** Registrations ever made. */
    public int registrations() {
        return registrations.get();
    }

    /** Registrations taken back (each counted once, however often it was closed). */
    public int unregistrations() {
        return unregistrations.get();
    }

    /**
     * Hands the frame to every listener subscribed to its camera, one after the other, as the engine's delivery
     * threads would; the caller keeps its handle.
     *
     * @return how many listeners got it
     */
    public int deliver(Frame frame) {
        int delivered = 0;
        for (Subscriber subscriber : subscribers) {
            if (subscriber.wants(frame.camera())) {
                subscriber.listener().onFrame(frame);
                delivered++;
            }
        }
        return delivered;
    }
}
