package io.kapture.health.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Remembers each listener's delivered and dropped counts at past evaluations, so that its drop ratio is measured
 * over a window (from the newest evaluation at least a window old to now) rather than since the stream started:
 * a listener that lost frames an hour ago and keeps up now is healthy. Until a window's worth of history exists the
 * stream's start (counts of zero) is the baseline. Counts that went down mean the stream restarted: the history of
 * that listener starts again. At most {@value #MAX_SAMPLES} evaluations are kept per listener; when polled faster
 * than that fills a window, the window gets shorter.
 *
 * <p>Threading contract: every method is synchronized; evaluations from several HTTP threads serialize here.
 */
final class DropWindows {

    static final int MAX_SAMPLES = 256;

    private final Map<String, Deque<Sample>> history = new HashMap<>();

    /** Offered and dropped frames over the window ending now, for one listener. */
    record Window(long offered, long dropped) {
        double ratio() {
            return offered == 0 ? 0 : (double) dropped / offered;
        }
    }

    private record Sample(long nanos, long delivered, long dropped) {
    }

    /**
     * Records the listener's counts now and returns the window's differences.
     *
     * @param key       the listener on its camera, unique among those evaluated together
     * @param delivered frames it was handed since the stream started
     * @param dropped   frames it lost since the stream started (the causes that count)
     */
    synchronized Window observe(String key, long nowNanos, long windowNanos, long delivered, long dropped) {
        Deque<Sample> samples = history.computeIfAbsent(key, k -> new ArrayDeque<>());
        Sample newest = samples.peekLast();
        if (newest != null && (delivered < newest.delivered() || dropped < newest.dropped())) {
            samples.clear();
        }
        while (samples.size() >= 2 && nowNanos - secondOldest(samples).nanos() >= windowNanos) {
            samples.removeFirst();
        }
        Sample baseline = samples.isEmpty() || nowNanos - samples.peekFirst().nanos() < windowNanos
                ? new Sample(nowNanos, 0, 0) : samples.peekFirst();
        samples.addLast(new Sample(nowNanos, delivered, dropped));
        if (samples.size() > MAX_SAMPLES) {
            samples.removeFirst();
        }
        long droppedInWindow = dropped - baseline.dropped();
        return new Window(delivered - baseline.delivered() + droppedInWindow, droppedInWindow);
    }

    /** Forgets listeners that are gone. */
    synchronized void retain(Set<String> keys) {
        history.keySet().retainAll(keys);
    }

    private static Sample secondOldest(Deque<Sample> samples) {
        var iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }
}
