package io.kapture.health.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Remembers, per listener or camera, a pair of counts (frames that went well and frames that went wrong: delivered
 * and dropped, or captured intact and corrupted) at past evaluations, so that a ratio is measured over a window
 * (from the newest evaluation at least a window old to now) rather than since the stream started: a listener that
 * lost frames an hour ago and keeps up now is healthy. Until a window's worth of history exists the stream's start
 * (counts of zero) is the baseline. Counts that went down mean the stream restarted: that history starts again.
 * At most {@value #MAX_SAMPLES} evaluations are kept per key; when polled faster than that fills a window, the
 * window gets shorter.
 *
 * <p>Threading contract: every method is synchronized; evaluations from several HTTP threads serialize here.
 */
final class DropWindows {

    static final int MAX_SAMPLES = 256;

    private final Map<String, Deque<Sample>> history = new HashMap<>();

    /** All frames and the bad ones among them over the window ending now. */
    record Window(long offered, long bad) {
        double ratio() {
            return offered == 0 ? 0 : (double) bad / offered;
        }
    }

    private record Sample(long nanos, long good, long bad) {
    }

    /**
     * Records the counts now and returns the window's differences.
     *
     * @param key  the listener on its camera, or the camera, unique among those evaluated together
     * @param good frames that went well since the stream started
     * @param bad  frames that went wrong since the stream started
     */
    synchronized Window observe(String key, long nowNanos, long windowNanos, long good, long bad) {
        Deque<Sample> samples = history.computeIfAbsent(key, k -> new ArrayDeque<>());
        Sample newest = samples.peekLast();
        if (newest != null && (good < newest.good() || bad < newest.bad())) {
            samples.clear();
        }
        while (samples.size() >= 2 && nowNanos - secondOldest(samples).nanos() >= windowNanos) {
            samples.removeFirst();
        }
        Sample baseline = samples.isEmpty() || nowNanos - samples.peekFirst().nanos() < windowNanos
                ? new Sample(nowNanos, 0, 0) : samples.peekFirst();
        samples.addLast(new Sample(nowNanos, good, bad));
        if (samples.size() > MAX_SAMPLES) {
            samples.removeFirst();
        }
        long badInWindow = bad - baseline.bad();
        return new Window(good - baseline.good() + badInWindow, badInWindow);
    }

    /** Forgets listeners and cameras that are gone. */
    synchronized void retain(Set<String> keys) {
        history.keySet().retainAll(keys);
    }

    private static Sample secondOldest(Deque<Sample> samples) {
        var iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }
}
