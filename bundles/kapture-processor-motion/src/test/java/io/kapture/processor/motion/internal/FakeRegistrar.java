package io.kapture.processor.motion.internal;

import java.util.Map;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.listener.ListenerRegistrar;

/** Keeps the one listener a component registers, as the engine would deliver to it. Not thread-safe. */
final class FakeRegistrar implements ListenerRegistrar {

    FrameListener listener;
    Map<String, Object> properties;
    int unregistrations;

    @Override
    public Registration register(FrameListener newListener, Map<String, Object> newProperties) {
        listener = newListener;
        properties = newProperties;
        return () -> {
            unregistrations++;
            listener = null;
        };
    }

    /** Delivers a frame if a listener is registered; false if none is. */
    boolean deliver(Frame frame) {
        FrameListener current = listener;
        if (current == null) {
            return false;
        }
        current.onFrame(frame);
        return true;
    }
}
