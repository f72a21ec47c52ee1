package io.kapture.shell.internal.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kapture.api.CaptureStats;
import io.kapture.api.DropCause;
import io.kapture.api.DropPolicy;
import io.kapture.api.FramePoolStats;
import io.kapture.api.ListenerPlacement;
import io.kapture.api.ListenerStats;

/**
 * Builds the statistics records the fakes report, with readable defaults.
 *
 * <p>Threading contract: stateless.
 */
public final class Stats {

    private Stats() {
    }

    /**
     * A listener that got {@code delivered} frames and dropped {@code dropped}, all but one for a full queue and
     * one at a stop, with the given latencies.
     */
    public static ListenerStats listener(String name, long delivered, long dropped, long p50, long p99, long max) {
        Map<DropCause, Long> causes = dropped == 0 ? Map.of()
                : Map.of(DropCause.QUEUE_FULL, dropped - 1, DropCause.STOPPED, 1L);
        return new ListenerStats(name, "org.example." + name, "cam0", DropPolicy.DROP_OLDEST, 8, 2, delivered,
                dropped, 1, p50, p99, max, causes);
    }

    /** {@code listener} as if it ran {@code placement}, moved there for {@code reason} (empty: not moved). */
    public static ListenerStats placed(ListenerStats listener, ListenerPlacement placement, String reason) {
        return new ListenerStats(listener.name(), listener.bundle(), listener.cameraFilter(), listener.policy(),
                listener.queueCapacity(), listener.queued(), listener.delivered(), listener.dropped(),
                listener.errors(), listener.latencyP50Nanos(), listener.latencyP99Nanos(), listener.latencyMaxNanos(),
                listener.droppedByCause(), listener.offered(), placement, reason);
    }

    /** When {@link #camera}'s stream started: 2023-11-14 22:13:20 UTC. */
    public static final long STARTED_AT_MILLIS = 1_700_000_000_000L;

    /** Camera figures with every counter distinct, so that a test can tell the columns apart. */
    public static CaptureStats camera(List<ListenerStats> listeners, Optional<FramePoolStats> pool) {
        return new CaptureStats(STARTED_AT_MILLIS, 2, 1000, 11, 13, 3, 7, 5, 29.94, 3, 4, listeners, pool);
    }
}
