package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a camera's recordings go: {@code <camera>-<yyyyMMdd-HHmmss-SSS>.avi} after the wall-clock time of the
 * file's first frame in UTC (names sort by time and never repeat at a daylight-saving change), in the configured
 * folder, which is checked against the {@link StorageRoot} each time a file is started. The camera's name is
 * made safe for a file name, so it cannot lead out of the folder.
 *
 * <p>Immutable; safe from any thread.
 */
final class RecordingFiles {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final StorageRoot root;
    private final String folder;
    private final String prefix;

    RecordingFiles(StorageRoot root, RecorderSettings settings) {
        this.root = root;
        this.folder = settings.folder();
        this.prefix = settings.camera().replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
    }

    /**
     * The folder, created if missing.
     *
     * @throws IllegalArgumentException if it lies outside the storage root
     * @throws IOException              if it cannot be created
     */
    Path folder() throws IOException {
        return root.folder("folder", folder);
    }

    /**
     * A name for a new file whose first frame was captured at {@code wallClockMillis}, not yet taken.
     *
     * @throws IllegalArgumentException if the folder now lies outside the storage root
     * @throws IOException              if it cannot be created
     */
    Path next(long wallClockMillis) throws IOException {
        Path directory = folder();
        String stem = prefix + "-" + STAMP.format(Instant.ofEpochMilli(wallClockMillis));
        Path candidate = directory.resolve(stem + ".avi");
        for (int n = 1; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = directory.resolve(stem + "-" + n + ".avi");
        }
        return candidate;
    }
}
