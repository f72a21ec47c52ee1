package io.kapture.health.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import io.kapture.health.HealthProblem;

/**
 * Checks the free space of the file system holding the storage directory (snapshots, recordings). The directory
 * need not exist yet: its nearest existing parent's file system is the one it will be on. Asks the file system
 * each time (one {@code statvfs}), so a disk filling up is seen at the next evaluation.
 *
 * <p>Immutable; safe from any thread.
 */
final class StorageCheck {

    private final Path directory;

    StorageCheck(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path directory() {
        return directory;
    }

    /** A problem when less than {@code minFreePercent} of the file system is usable, or it cannot be read. */
    Optional<HealthProblem> check(double minFreePercent) {
        if (minFreePercent <= 0) {
            return Optional.empty();
        }
        try {
            FileStore store = Files.getFileStore(existingAncestor());
            long total = store.getTotalSpace();
            long usable = store.getUsableSpace();
            double freePercent = total <= 0 ? 100 : 100.0 * usable / total;
            if (freePercent >= minFreePercent) {
                return Optional.empty();
            }
            return Optional.of(problem(String.format(Locale.ROOT, "%.1f %% free (%d MiB of %d MiB), below the"
                    + " %.1f %% of storage.min.free.percent", freePercent, usable >> 20, total >> 20,
                    minFreePercent)));
        } catch (IOException | SecurityException e) {
            return Optional.of(problem("cannot read the free space of its file system: " + e));
        }
    }

    private HealthProblem problem(String reason) {
        return new HealthProblem(HealthProblem.CHECK_STORAGE, directory.toString(), reason);
    }

    private Path existingAncestor() {
        Path path = directory;
        while (path != null && !Files.exists(path)) {
            path = path.getParent();
        }
        return path == null ? directory.getRoot() : path;
    }
}
