package io.kapture.processor.recorder.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the names Kapture gives the files of a camera (see {@code io.kapture.api.storage.CameraFiles}):
 * {@code <camera>-<yyyyMMdd-HHmmss-SSS>[-n][.<trigger>].<avi|mp4|jpg|png>}, the trigger part only on event clips.
 * Retention deletes only files whose names parse, so nothing else in the storage directory is ever touched
 * (neither a user's own files nor a snapshot's temporary {@code .name.tmp}).
 *
 * <p>Stateless; safe from any thread.
 */
final class VideoFileNames {

    /** Longest trigger name a clip's file name carries. */
    static final int MAX_TRIGGER = 32;

    private static final Pattern NAME = Pattern.compile("(?<camera>[A-Za-z0-9_][A-Za-z0-9._-]*)-"
            + "(?<stamp>\\d{8}-\\d{6}-\\d{3})(?:-\\d+)?(?:\\.(?<trigger>[A-Za-z0-9_-]{1," + MAX_TRIGGER + "}))?"
            + "\\.(?<extension>avi|mp4|jpg|png)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** What a file's name says. */
    record Parsed(String camera, long startMillis, Optional<String> trigger, String extension) {
        boolean isVideo() {
            return extension.equals("avi") || extension.equals("mp4");
        }
    }

    private VideoFileNames() {
    }

    /** The parts of a file name Kapture gave, or empty for any other name. */
    static Optional<Parsed> parse(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            long start = LocalDateTime.parse(matcher.group("stamp"), STAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
            return Optional.of(new Parsed(matcher.group("camera"), start,
                    Optional.ofNullable(matcher.group("trigger")), matcher.group("extension")));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    /** A trigger's name as a file name carries it: letters, digits, '_' and '-', at most 32; blank: external. */
    static String safeTrigger(String trigger) {
        String safe = trigger == null ? "" : trigger.trim().replaceAll("[^A-Za-z0-9_-]", "_");
        if (safe.isEmpty()) {
            return "external";
        }
        return safe.length() > MAX_TRIGGER ? safe.substring(0, MAX_TRIGGER) : safe;
    }
}
