package io.kapture.shell.internal.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kapture.api.CaptureStats;
import io.kapture.api.DropCause;
import io.kapture.api.DropPolicy;
import io.kapture.api.FramePoolStats;
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

    /** When {@link #camera}'s stream started: 2023-11-14 22:13:20 UTC. */
    public static final long STARTED_AT_MILLIS = 1_700_000_000_000L;

    /** Camera figures with every counter distinct, so that a test can tell the columns apart. */
    public static CaptureStats camera(List<ListenerStats> listeners, Optional<FramePoolStats> pool) {
        return new CaptureStats(STARTED_AT_MILLIS, 2, 1000, 11, 13, 3, 7, 5, 29.94, 3, 4, listeners, pool);
    }
}
