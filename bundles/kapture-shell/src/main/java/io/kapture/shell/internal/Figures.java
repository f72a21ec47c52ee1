package io.kapture.shell.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.kapture.api.CaptureSession;

/**
 * Formats the numbers the commands show: frame rates, durations in nanoseconds, ratios, times of day and byte
 * sizes, always in {@link Locale#ROOT} so that output is the same on every machine (integration tests assert on it).
 *
 * <p>Threading contract: stateless; safe from any thread.
 */
public final class Figures {

    /** Shown where a figure has no value yet (not started, nothing delivered). */
    public static final String NONE = "-";

    private static final long MICROSECOND = 1_000L;
    private static final long MILLISECOND = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Figures() {
    }

    /**
     * The delivery strategy delivering a camera's frames, and the configured one where the engine delivers with
     * another (zero-copy on a device that cannot lend its buffers), for example {@code pool (configured zerocopy)}.
     */
    public static String delivery(CaptureSession session) {
        String configured = session.delivery();
        String effective = session.effectiveDelivery();
        return effective.equals(configured) ? configured : effective + " (configured " + configured + ")";
    }

    /** A measured frame rate with one decimal, for example {@code 29.9}. */
    public static String fps(double fps) {
        return String.format(Locale.ROOT, "%.1f", fps);
    }

    /** A configured frame rate: {@code 30}, {@code 7.5}, or {@code max} for 0 (unthrottled). */
    public static String configuredFps(double fps) {
        if (fps <= 0) {
            return "max";
        }
        return fps == Math.rint(fps) ? Long.toString((long) fps) : String.format(Locale.ROOT, "%.2f", fps);
    }

    /**
     * A duration given in nanoseconds, in the unit that reads best: {@code 850 ns}, {@code 12.3 µs},
     * {@code 4.56 ms}, {@code 1.20 s}.
     */
    public static String nanos(long nanos) {
        if (nanos < MICROSECOND) {
            return nanos + " ns";
        }
        if (nanos < MILLISECOND) {
            return String.format(Locale.ROOT, "%.1f µs", (double) nanos / MICROSECOND);
        }
        if (nanos < SECOND) {
            return String.format(Locale.ROOT, "%.2f ms", (double) nanos / MILLISECOND);
        }
        return String.format(Locale.ROOT, "%.2f s", (double) nanos / SECOND);
    }

    /** A duration given in microseconds, as {@link #nanos} words it. */
    public static String micros(double micros) {
        return nanos(Math.round(micros * MICROSECOND));
    }

    /** A ratio from 0 to 1 as a percentage with one decimal: {@code 99.5%}. */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** A wall-clock time in ms since the epoch, to the second in this machine's zone: {@code 2025-01-31 14:05:09}. */
    public static String dateTime(long epochMillis) {
        return dateTime(epochMillis, ZoneId.systemDefault());
    }

    static String dateTime(long epochMillis, ZoneId zone) {
        return DATE_TIME.withZone(zone).format(Instant.ofEpochMilli(epochMillis));
    }

    /** A byte count in B, KiB or MiB. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
