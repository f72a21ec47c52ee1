package io.kapture.itests;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * An EventAdmin handler a test registers to see the motion detector's events, as any subscriber would: by topic
 * ({@value #TOPICS}), with nothing from the detector's bundle on its class path. The topic and property names are
 * written out on purpose, as the README documents them; a test that loaded them from the motion bundle would be
 * wired to it and refreshed with it when that bundle is hot-deployed.
 *
 * <p>Threading contract: EventAdmin calls {@link #handleEvent} on its own threads; the test thread reads the log.
 * Both go through this object's monitor.
 */
final class MotionEventLog implements EventHandler, AutoCloseable {

    static final String TOPICS = "io/kapture/motion/*";
    static final String START = "io/kapture/motion/START";
    static final String END = "io/kapture/motion/END";

    private final List<Event> events = new ArrayList<>();
    private ServiceRegistration<EventHandler> registration; // guarded by this

    private MotionEventLog() {
    }

    /** Registers a new log for every motion event. */
    static MotionEventLog register(BundleContext context) {
        MotionEventLog log = new MotionEventLog();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, TOPICS);
        ServiceRegistration<EventHandler> registration = context.registerService(EventHandler.class, log, properties);
        synchronized (log) {
            log.registration = registration;
        }
        return log;
    }

    @Override
    public synchronized void handleEvent(Event event) {
        events.add(event);
    }

    /** The topics of one camera's events so far, in order. */
    synchronized List<String> topics(String camera) {
        return events.stream().filter(event -> camera.equals(event.getProperty("camera"))).map(Event::getTopic)
                .toList();
    }

    /** One camera's first event on {@code topic}, or null. */
    synchronized Event first(String camera, String topic) {
        return events.stream()
                .filter(event -> camera.equals(event.getProperty("camera")) && topic.equals(event.getTopic()))
                .findFirst().orElse(null);
    }

    /** Unregisters the handler (outside the monitor, which a delivering EventAdmin thread may hold); idempotent. */
    @Override
    public void close() {
        ServiceRegistration<EventHandler> registered;
        synchronized (this) {
            registered = registration;
            registration = null;
        }
        if (registered != null) {
            registered.unregister();
        }
    }
}
