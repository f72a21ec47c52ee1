package io.kapture.processor.snapshot.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import io.kapture.api.storage.CameraFiles;
import io.kapture.api.storage.StorageRoot;
import io.kapture.processor.snapshot.internal.SnapshotSettings.ImageFormat;

/**
 * The files of one camera's scheduled snapshots: named by {@link CameraFiles}
 * ({@code <camera>-<yyyyMMdd-HHmmss-SSS>.<jpg|png>} after the frame's wall-clock time in UTC), written under a
 * temporary name and renamed into place (so a reader never sees half a file), and pruned to the retention count.
 * Only files whose names follow this pattern for this camera are ever deleted.
 *
 * <p>The folder is checked against the {@link StorageRoot} before every write, as the tree may have changed
 * since the last one; the camera's name is made safe for a file name, so it cannot lead out of the folder either.
 *
 * <p>Threading contract: not thread-safe; one thread writes (the listener's delivery thread).
 */
final class SnapshotFiles {

    /** Deletes one old snapshot; tests pass one that fails. */
    interface Deleter {
        void delete(Path file) throws IOException;
    }

    private final StorageRoot root;
    private final SnapshotSettings settings;
    private final Deleter deleter;
    private final Pattern ours;

    SnapshotFiles(StorageRoot root, SnapshotSettings settings) {
        this(root, settings, Files::deleteIfExists);
    }

    SnapshotFiles(StorageRoot root, SnapshotSettings settings, Deleter deleter) {
        this.root = root;
        this.settings = settings;
        this.deleter = deleter;
        this.ours = CameraFiles.namePattern(settings.camera(), ImageFormat.JPEG.extension(),
                ImageFormat.PNG.extension());
    }

    /**
     * The folder snapshots go to, created if missing.
     *
     * @throws IllegalArgumentException if the configured folder lies outside the storage root
     * @throws IOException              if it cannot be created
     */
    Path folder() throws IOException {
        return root.folder("folder", settings.folder());
    }

    /**
     * Writes one snapshot taken at {@code wallClockMillis}; {@link #prune} then keeps the retention count.
     *
     * @return the file written
     * @throws IllegalArgumentException if the folder now lies outside the storage root
     * @throws IOException              if writing fails; no partial file is left under the snapshot's name
     */
    Path write(byte[] image, long wallClockMillis) throws IOException {
        Path folder = folder();
        Path target = CameraFiles.newFile(folder, settings.camera(), wallClockMillis, settings.format().extension());
        Path temporary = folder.resolve("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                out.write(image);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** This camera's snapshots in the folder, oldest first. */
    List<Path> snapshots(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (ours.matcher(entry.getFileName().toString()).matches()
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(entry);
                }
            }
        }
        Collections.sort(found);
        return found;
    }

    /**
     * Deletes this camera's oldest snapshots beyond the retention count (none with retention 0).
     *
     * @throws IOException naming the snapshot that could not be deleted; the newer ones stay
     */
    void prune() throws IOException {
        if (settings.retention() == 0) {
            return;
        }
        List<Path> snapshots = snapshots(folder());
        for (int i = 0; i < snapshots.size() - settings.retention(); i++) {
            try {
                deleter.delete(snapshots.get(i));
            } catch (IOException e) {
                throw new IOException("cannot delete the old snapshot " + snapshots.get(i) + " to keep "
                        + settings.retention() + " (retention): " + e.getMessage(), e);
            }
        }
    }
}
