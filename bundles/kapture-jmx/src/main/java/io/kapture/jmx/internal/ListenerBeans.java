package io.kapture.jmx.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kapture.api.CaptureSession;
import io.kapture.api.ListenerStats;

/**
 * Keeps one {@link ListenerMXBean} registered per listener on each camera: {@link #refresh} compares the cameras'
 * current listeners with the beans and registers the new, unregisters the gone.
 *
 * <p>Threading contract: {@link #refresh} is synchronized; it runs on {@link ManagementBeans}' refresh thread and
 * on SCR's thread when a camera goes.
 */
final class ListenerBeans {

    private static final String PREFIX = JmxNames.DOMAIN + ":type=Listener,";

    private final BeanRegistrations registrations;

    ListenerBeans(BeanRegistrations registrations) {
        this.registrations = registrations;
    }

    synchronized void refresh(List<CaptureSession> cameras) {
        Set<String> current = new HashSet<>();
        for (CaptureSession camera : cameras) {
            List<ListenerStats> listeners;
            try {
                listeners = camera.stats().listeners();
            } catch (RuntimeException unreadable) {
                continue;
            }
            Map<String, Integer> ordinals = new HashMap<>();
            for (ListenerStats listener : listeners) {
                int ordinal = ordinals.merge(listener.name() + "\n" + listener.bundle(), 1, Integer::sum);
                String name = JmxNames.listener(camera.camera(), ListenerBean.displayName(listener.name(), ordinal));
                current.add(name);
                registrations.register(name, camera, new ListenerBean(camera, listener, ordinal),
                        ListenerMXBean.class);
            }
        }
        registrations.retain(PREFIX, current);
    }
}
