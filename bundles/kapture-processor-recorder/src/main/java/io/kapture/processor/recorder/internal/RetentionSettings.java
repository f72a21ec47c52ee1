package io.kapture.processor.recorder.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Storage retention's checked limits; 0 switches a limit off. Invalid values are refused with a message naming
 * the key, its valid values and what was given.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param maxBytes        recordings and snapshots together stay at or below this; 0: no limit
 * @param maxDiskPercent  the disk stays at or below this usage; 0: no limit
 * @param maxAgeMillis    files last written longer ago than this go; 0: no limit
 * @param intervalMillis  time between passes
 */
record RetentionSettings(long maxBytes, int maxDiskPercent, long maxAgeMillis, long intervalMillis) {

    /** The configuration's PID, named in error messages. */
    static final String PID = "io.kapture.storage.retention";

    static RetentionSettings from(RetentionConfig config) {
        if (config.max_size_mb() < 0 || config.max_size_mb() > Long.MAX_VALUE / 1_000_000) {
            throw invalid("max.size.mb", "0 (no limit) or more", config.max_size_mb());
        }
        if (config.max_disk_percent() < 0 || config.max_disk_percent() > 99) {
            throw invalid("max.disk.percent", "from 0 (no limit) to 99", config.max_disk_percent());
        }
        if (config.max_age_days() < 0 || config.max_age_days() > 36_500) {
            throw invalid("max.age.days", "from 0 (no limit) to 36500", config.max_age_days());
        }
        if (config.interval_seconds() < 1 || config.interval_seconds() > 86_400) {
            throw invalid("interval.seconds", "from 1 to 86400", config.interval_seconds());
        }
        return new RetentionSettings(config.max_size_mb() * 1_000_000, config.max_disk_percent(),
                TimeUnit.DAYS.toMillis(config.max_age_days()), TimeUnit.SECONDS.toMillis(config.interval_seconds()));
    }

    /** Whether any limit is on. */
    boolean enforcesAny() {
        return maxBytes > 0 || maxDiskPercent > 0 || maxAgeMillis > 0;
    }

    /** The limits in words: {@code size 20 MB, disk 90 %, age 14 days}, or {@code none}. */
    String describe() {
        List<String> limits = new ArrayList<>();
        if (maxBytes > 0) {
            limits.add("size " + maxBytes / 1_000_000 + " MB");
        }
        if (maxDiskPercent > 0) {
            limits.add("disk " + maxDiskPercent + " %");
        }
        if (maxAgeMillis > 0) {
            limits.add("age " + TimeUnit.MILLISECONDS.toDays(maxAgeMillis) + " days");
        }
        return limits.isEmpty() ? "none" : String.join(", ", limits);
    }

    private static IllegalArgumentException invalid(String key, String valid, Object given) {
        return new IllegalArgumentException(PID + ": " + key + " must be " + valid + ", was '" + given + "'");
    }
}
