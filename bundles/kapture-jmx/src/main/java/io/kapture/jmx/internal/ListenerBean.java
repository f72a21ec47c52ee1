package io.kapture.jmx.internal;

import java.util.concurrent.TimeUnit;

import io.kapture.api.CaptureSession;
import io.kapture.api.ListenerStats;

/**
 * {@link ListenerMXBean} over the figures a camera keeps of one of its listeners: the {@code ordinal}-th listener
 * of this name and bundle in the camera's {@link io.kapture.api.CaptureStats#listeners()}, found again at every
 * read. Once it is gone (before {@link ListenerBeans} unregisters the bean) its last figures are shown.
 *
 * <p>Threading contract: JMX calls it on RMI threads, concurrently; the last figures are kept in a volatile field.
 */
final class ListenerBean implements ListenerMXBean {

    private final CaptureSession session;
    private final String name;
    private final String bundle;
    private final int ordinal;
    private volatile ListenerStats last;
    private volatile boolean subscribed;

    ListenerBean(CaptureSession session, ListenerStats first, int ordinal) {
        this.session = session;
        this.name = first.name();
        this.bundle = first.bundle();
        this.ordinal = ordinal;
        this.last = first;
        this.subscribed = true;
    }

    /** The name the bean shows: the listener's, with {@code #n} from the second of a kind on. */
    static String displayName(String name, int ordinal) {
        return ordinal == 1 ? name : name + "#" + ordinal;
    }

    private ListenerStats stats() {
        int seen = 0;
        for (ListenerStats listener : session.stats().listeners()) {
            if (listener.name().equals(name) && listener.bundle().equals(bundle) && ++seen == ordinal) {
                last = listener;
                subscribed = true;
                return listener;
            }
        }
        subscribed = false;
        return last;
    }

    @Override
    public String getCamera() {
        return session.camera();
    }

    @Override
    public String getName() {
        return displayName(name, ordinal);
    }

    @Override
    public String getBundle() {
        return bundle;
    }

    @Override
    public String getDropPolicy() {
        return stats().policy().name();
    }

    @Override
    public int getQueueCapacity() {
        return stats().queueCapacity();
    }

    @Override
    public int getQueued() {
        return stats().queued();
    }

    @Override
    public long getDelivered() {
        return stats().delivered();
    }

    @Override
    public long getDropped() {
        return stats().dropped();
    }

    @Override
    public String getDroppedWithCauses() {
        return stats().droppedWithCauses();
    }

    @Override
    public String getPlacement() {
        return stats().placementWithReason();
    }

    @Override
    public long getErrors() {
        return stats().errors();
    }

    @Override
    public long getLatencyP50Micros() {
        return TimeUnit.NANOSECONDS.toMicros(stats().latencyP50Nanos());
    }

    @Override
    public long getLatencyP99Micros() {
        return TimeUnit.NANOSECONDS.toMicros(stats().latencyP99Nanos());
    }

    @Override
    public long getLatencyMaxMicros() {
        return TimeUnit.NANOSECONDS.toMicros(stats().latencyMaxNanos());
    }

    @Override
    public boolean isSubscribed() {
        stats();
        return subscribed;
    }
}
