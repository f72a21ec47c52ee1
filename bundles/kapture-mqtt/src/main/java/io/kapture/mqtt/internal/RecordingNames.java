package io.kapture.mqtt.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the recorder's file names, {@code <camera>-<yyyyMMdd-HHmmss-SSS>.<format>} for continuous recordings and
 * {@code <camera>-<yyyyMMdd-HHmmss-SSS>.<trigger>.<format>} for event clips, the time being the first frame's in
 * UTC. Read from the end, since a camera's name may hold '-' and '.'.
 *
 * <p>Stateless; safe from any thread.
 */
final class RecordingNames {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final int TIME_LENGTH = "yyyyMMdd-HHmmss-SSS".length();

    private RecordingNames() {
    }

    /** The container, from the extension: {@code avi}, {@code mp4}, or empty if there is none. */
    static String format(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The time of the first frame, if the name carries one. */
    static Optional<Long> startMillis(String name) {
        String stem = stem(name);
        for (String candidate : new String[] { stem, withoutSuffix(stem) }) {
            if (candidate.length() >= TIME_LENGTH) {
                try {
                    return Optional.of(LocalDateTime.parse(candidate.substring(candidate.length() - TIME_LENGTH), TIME)
                            .toInstant(ZoneOffset.UTC).toEpochMilli());
                } catch (DateTimeParseException notThisOne) {
                    // an event clip: the trigger follows the time
                }
            }
        }
        return Optional.empty();
    }

    /** An event clip's trigger, from its name ({@code external} if it has none). */
    static String trigger(String name) {
        String stem = stem(name);
        int dot = stem.lastIndexOf('.');
        return dot < 0 ? "external" : stem.substring(dot + 1);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String withoutSuffix(String stem) {
        int dot = stem.lastIndexOf('.');
        return dot < 0 ? stem : stem.substring(0, dot);
    }
}
