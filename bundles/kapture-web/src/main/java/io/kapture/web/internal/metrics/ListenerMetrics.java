package io.kapture.web.internal.metrics;

import static io.kapture.web.internal.metrics.PrometheusText.Type.COUNTER;
import static io.kapture.web.internal.metrics.PrometheusText.Type.GAUGE;
import static io.kapture.web.internal.metrics.PrometheusText.Type.SUMMARY;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kapture.api.DropCause;
import io.kapture.api.ListenerStats;

/**
 * One camera's listeners as Prometheus metrics, labelled {@code camera}, {@code listener} and {@code bundle}.
 * Listeners of one name from one bundle on one camera (two browsers previewing it) get {@code #2}, {@code #3}, ...
 * after the name in their order, since Prometheus refuses two series with the same labels. Latency is a summary
 * of the engine's own quantiles (median and 99th percentile from taking a frame from the driver to entering the
 * listener) without {@code _sum} and {@code _count}, which the engine does not keep, plus the largest seen.
 *
 * <p>Stateless; safe from any thread.
 */
final class ListenerMetrics {

    private static final double NANOS_PER_SECOND = 1e9;

    private ListenerMetrics() {
    }

    static void add(PrometheusText out, String camera, List<ListenerStats> listeners) {
        Set<String> seen = new HashSet<>();
        for (ListenerStats listener : listeners) {
            String name = listener.name();
            for (int n = 2; !seen.add(name + "\n" + listener.bundle()); n++) {
                name = listener.name() + "#" + n;
            }
            String[] labels = {"camera", camera, "listener", name, "bundle", listener.bundle()};
            out.family("kapture_listener_queued_frames", GAUGE, "Frames waiting in the listener's queue.")
                    .sample(listener.queued(), labels);
            out.family("kapture_listener_queue_capacity", GAUGE, "The listener's queue capacity.")
                    .sample(listener.queueCapacity(), labels);
            out.family("kapture_listener_frames_delivered_total", COUNTER, "Frames handed to the listener.")
                    .sample(listener.delivered(), labels);
            PrometheusText.Family dropped = out.family("kapture_listener_frames_dropped_total", COUNTER,
                    "Frames that never reached the listener, by cause.");
            for (DropCause cause : DropCause.values()) {
                dropped.sample(listener.dropped(cause), with(labels, "cause", causeLabel(cause)));
            }
            out.family("kapture_listener_errors_total", COUNTER, "Calls of the listener that threw.")
                    .sample(listener.errors(), labels);
            out.family("kapture_listener_latency_seconds", SUMMARY, "Time from taking a frame from the driver to"
                    + " entering the listener.")
                    .sample(listener.latencyP50Nanos() / NANOS_PER_SECOND, with(labels, "quantile", "0.5"))
                    .sample(listener.latencyP99Nanos() / NANOS_PER_SECOND, with(labels, "quantile", "0.99"));
            out.family("kapture_listener_latency_max_seconds", GAUGE, "The largest time from taking a frame from"
                    + " the driver to entering the listener.")
                    .sample(listener.latencyMaxNanos() / NANOS_PER_SECOND, labels);
        }
    }

    /** The cause as a label value: {@code queue_full}, {@code block_timeout}, ... */
    static String causeLabel(DropCause cause) {
        return cause.name().toLowerCase(Locale.ROOT);
    }

    private static String[] with(String[] labels, String name, String value) {
        String[] more = Arrays.copyOf(labels, labels.length + 2);
        more[labels.length] = name;
        more[labels.length + 1] = value;
        return more;
    }
}
