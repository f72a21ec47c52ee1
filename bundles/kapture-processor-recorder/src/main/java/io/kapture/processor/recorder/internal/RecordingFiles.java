package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.file.Path;

import io.kapture.api.storage.CameraFiles;
import io.kapture.api.storage.StorageRoot;

/**
 * Where a camera's recordings go: files named by {@link CameraFiles} ({@code <camera>-<yyyyMMdd-HHmmss-SSS>.avi},
 * or {@code .mp4} for H.264, after the wall-clock time of the file's first frame in UTC), in the configured folder,
 * which is checked against the {@link StorageRoot} each time a file is started. The camera's name is made safe for
 * a file name, so it cannot lead out of the folder.
 *
 * <p>Immutable; safe from any thread.
 */
final class RecordingFiles {

    private final StorageRoot root;
    private final String folder;
    private final String camera;
    private final String extension;

    RecordingFiles(StorageRoot root, RecorderSettings settings) {
        this.root = root;
        this.folder = settings.folder();
        this.camera = settings.camera();
        this.extension = settings.extension();
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
        return CameraFiles.newFile(folder(), camera, wallClockMillis, extension);
    }

    /**
     * A name for a new event clip whose first frame was captured at {@code wallClockMillis}:
     * {@code <camera>-<yyyyMMdd-HHmmss-SSS>.<trigger>.avi} (or {@code .mp4}), the trigger made safe by
     * {@link VideoFileNames}.
     */
    Path nextClip(long wallClockMillis, String trigger) throws IOException {
        return CameraFiles.newFile(folder(), camera, wallClockMillis,
                VideoFileNames.safeTrigger(trigger) + "." + extension);
    }
}
