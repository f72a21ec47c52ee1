package io.kapture.api.storage;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Names of the files a camera's frames become: {@code <camera>-<yyyyMMdd-HHmmss-SSS>.<extension>} after a frame's
 * wall-clock time in UTC, so names sort by time and never repeat at a daylight-saving change, with {@code -1},
 * {@code -2}, ... added when a name is taken. The camera's name is made safe for a file name first ({@code /} and
 * every other character but letters, digits, {@code -}, {@code _} and inner {@code .} become {@code _}), so a
 * camera name can never lead out of the folder.
 *
 * <p>Stateless; safe from any thread.
 */
public final class CameraFiles {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private CameraFiles() {
    }

    /** The camera's name with every character but letters, digits, '-', '_' and inner '.' replaced by '_'. */
    public static String safeName(String camera) {
        String safe = camera.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    /**
     * A name in {@code folder} for a new file of {@code camera} whose frame was captured at {@code wallClockMillis},
     * not taken now (nor by a dangling link). The file is not created.
     *
     * @param extension the file's extension without the dot, such as {@code jpg}
     */
    public static Path newFile(Path folder, String camera, long wallClockMillis, String extension) {
        String stem = safeName(camera) + "-" + STAMP.format(Instant.ofEpochMilli(wallClockMillis));
        Path candidate = folder.resolve(stem + "." + extension);
        for (int n = 1; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = folder.resolve(stem + "-" + n + "." + extension);
        }
        return candidate;
    }

    /**
     * The pattern of the names {@link #newFile} gives files of {@code camera} with one of these extensions; files
     * of another camera, or any other file, do not match. Compile it once and keep it.
     */
    public static Pattern namePattern(String camera, String... extensions) {
        StringBuilder alternatives = new StringBuilder();
        for (String extension : extensions) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(extension));
        }
        return Pattern.compile(Pattern.quote(safeName(camera)) + "-\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.("
                + alternatives + ")");
    }
}
