package io.kapture.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A snapshot of one listener's figures on one camera.
 *
 * @param name            display name ({@link FrameListener#NAME}, or the class name)
 * @param bundle          symbolic name of the bundle that registered the listener
 * @param cameraFilter    the cameras it asked for, as registered
 * @param policy          its drop policy
 * @param queueCapacity   its queue's capacity
 * @param queued          frames waiting in its queue now
 * @param delivered       frames handed to {@link FrameListener#onFrame}
 * @param dropped         frames that never reached it, for any cause: the sum of {@code droppedByCause}
 * @param errors          calls of {@link FrameListener#onFrame} that threw
 * @param latencyP50Nanos median time from taking a frame from the driver to entering the listener
 * @param latencyP99Nanos 99th percentile of the same
 * @param latencyMaxNanos the largest seen
 * @param droppedByCause  the drops by cause; causes that never happened are absent (unmodifiable)
 * @param offered         frames the camera offered this listener since it subscribed (not since the camera
 *                        started: a listener that subscribes later is offered fewer frames than the camera
 *                        captured). Every offered frame is delivered, dropped or still queued, so
 *                        {@code offered == delivered + dropped + queued} holds exactly in every snapshot: the
 *                        engine reads the other figures first and counts as {@code queued} what was offered and
 *                        is neither delivered nor dropped yet (in the queue, or being handed over)
 * @param placement       which thread calls it ({@link ListenerPlacement})
 * @param placementReason why it was moved off the capture thread, for {@link ListenerPlacement#DEMOTED}; empty
 *                        otherwise
 */
public record ListenerStats(String name, String bundle, String cameraFilter, DropPolicy policy, int queueCapacity,
        int queued, long delivered, long dropped, long errors, long latencyP50Nanos, long latencyP99Nanos,
        long latencyMaxNanos, Map<DropCause, Long> droppedByCause, long offered, ListenerPlacement placement,
        String placementReason) {

    public ListenerStats {
        droppedByCause = droppedByCause == null || droppedByCause.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(droppedByCause));
        placement = placement == null ? ListenerPlacement.OWN_THREAD : placement;
        placementReason = placementReason == null ? "" : placementReason;
    }

    /** Figures without the placement, as kapture-api 1.3 made them: on a thread of its own. */
    public ListenerStats(String name, String bundle, String cameraFilter, DropPolicy policy, int queueCapacity,
            int queued, long delivered, long dropped, long errors, long latencyP50Nanos, long latencyP99Nanos,
            long latencyMaxNanos, Map<DropCause, Long> droppedByCause, long offered) {
        this(name, bundle, cameraFilter, policy, queueCapacity, queued, delivered, dropped, errors, latencyP50Nanos,
                latencyP99Nanos, latencyMaxNanos, droppedByCause, offered, ListenerPlacement.OWN_THREAD, "");
    }

    /** Figures without the offered count, as kapture-api 1.2 made them: offered is their sum. */
    public ListenerStats(String name, String bundle, String cameraFilter, DropPolicy policy, int queueCapacity,
            int queued, long delivered, long dropped, long errors, long latencyP50Nanos, long latencyP99Nanos,
            long latencyMaxNanos, Map<DropCause, Long> droppedByCause) {
        this(name, bundle, cameraFilter, policy, queueCapacity, queued, delivered, dropped, errors, latencyP50Nanos,
                latencyP99Nanos, latencyMaxNanos, droppedByCause, delivered + dropped + queued);
    }

    /** Figures without the drops' causes, as kapture-api 1.1 made them. */
    public ListenerStats(String name, String bundle, String cameraFilter, DropPolicy policy, int queueCapacity,
            int queued, long delivered, long dropped, long errors, long latencyP50Nanos, long latencyP99Nanos,
            long latencyMaxNanos) {
        this(name, bundle, cameraFilter, policy, queueCapacity, queued, delivered, dropped, errors, latencyP50Nanos,
                latencyP99Nanos, latencyMaxNanos, Map.of(), delivered + dropped + queued);
    }

    /** Frames dropped for {@code cause}; 0 if none. */
    public long dropped(DropCause cause) {
        return droppedByCause.getOrDefault(cause, 0L);
    }

    /**
     * Where it runs in a few words, with the reason it was moved if it was, for example {@code "capture thread"} or
     * {@code "own thread (moved): 3 calls in a row took over half the frame interval"}.
     */
    public String placementWithReason() {
        return placementReason.isEmpty() ? placement.words() : placement.words() + ": " + placementReason;
    }

    /** The drops with their causes in a few words, for example {@code "12 (queue full 10, discarded at stop 2)"}. */
    public String droppedWithCauses() {
        StringJoiner causes = new StringJoiner(", ", " (", ")").setEmptyValue("");
        for (DropCause cause : DropCause.values()) {
            long count = dropped(cause);
            if (count > 0) {
                causes.add(cause.words() + " " + count);
            }
        }
        return dropped + causes.toString();
    }
}
