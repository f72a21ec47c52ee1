package io.kapture.web.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.listener.ListenerRegistrar;

/**
 * Stands in for Kapture's engine as far as listeners go: keeps the registered listeners with their properties
 * and hands each frame to those subscribed to its camera, on the caller's thread. Thread-safe: registrations
 * and deliveries may come from any threads.
 */
final class FakeEngine implements ListenerRegistrar {

    /** A listener as registered. */
    record Subscriber(FrameListener listener, Map<String, Object> properties) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger registrations = new AtomicInteger();

    @Override
    public Registration register(FrameListener listener, Map<String, Object> properties) {
        Subscriber subscriber = new Subscriber(listener, Map.copyOf(properties));
        subscribers.add(subscriber);
        registrations.incrementAndGet();
        return () -> subscribers.remove(subscriber);
    }

    /** Listeners registered now. */
    List<Subscriber> subscribers() {
        return List.copyOf(subscribers);
    }

    /** Registrations ever made. */
    int registrations() {
        return registrations.get();
    }

    /** Hands the frame to every listener of its camera; returns how many got it. */
    int deliver(Frame frame) {
        int delivered = 0;
        for (Subscriber subscriber : subscribers) {
            if (frame.camera().equals(subscriber.properties().get(FrameListener.CAMERA))) {
                subscriber.listener().onFrame(frame);
                delivered++;
            }
        }
        return delivered;
    }
}
