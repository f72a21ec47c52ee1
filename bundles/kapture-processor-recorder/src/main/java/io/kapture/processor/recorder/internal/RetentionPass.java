package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One retention pass over the storage directory: lists the files Kapture named ({@link VideoFileNames}), then
 * asks which are being written, then deletes the oldest others (by last write) that break a limit: first those
 * older than the age limit, then as many as the size limit and then the disk limit need. Listing before asking
 * matters: a file started after the question would otherwise be on the list and unprotected; started after the
 * listing, it is not on it. Symbolic links are not followed (a link's target inside the root is reached directly).
 *
 * <p>Stateless; each pass is independent. Callers run one pass at a time.
 */
final class RetentionPass {

    /** The figures of the disk holding the storage directory. */
    interface Disk {
        /** Bytes in use, as {@code df} counts them (total less unallocated). */
        long usedBytes() throws IOException;

        /** Bytes an unprivileged writer may still use ({@code df}'s available). */
        long availableBytes() throws IOException;
    }

    /** What a pass did; {@code errors} are one line each, naming the file or folder. */
    record Outcome(int byAge, int bySize, int byDisk, long bytesDeleted, int filesKept, long bytesKept,
            List<String> errors) {
        int deleted() {
            return byAge + bySize + byDisk;
        }
    }

    private record StoredFile(Path path, long bytes, long modifiedMillis) {
    }

    private static final int MAX_DEPTH = 8;

    private RetentionPass() {
    }

    static Outcome run(Path root, RetentionSettings settings, Supplier<Set<Path>> inUse, Disk disk, long nowMillis) {
        List<String> errors = new ArrayList<>();
        List<StoredFile> files = list(root, errors);
        Set<Path> writing = inUse.get();
        List<StoredFile> candidates = new ArrayList<>();
        long total = 0;
        for (StoredFile file : files) {
            total += file.bytes();
            if (!writing.contains(file.path())) {
                candidates.add(file);
            }
        }
        candidates.sort(Comparator.comparingLong(StoredFile::modifiedMillis).thenComparing(StoredFile::path));
        int byAge = 0;
        int bySize = 0;
        int byDisk = 0;
        long deletedBytes = 0;
        int next = 0;
        while (settings.maxAgeMillis() > 0 && next < candidates.size()
                && nowMillis - candidates.get(next).modifiedMillis() > settings.maxAgeMillis()) {
            if (delete(candidates.get(next++), errors)) {
                byAge++;
                deletedBytes += candidates.get(next - 1).bytes();
            }
        }
        total -= deletedBytes;
        while (settings.maxBytes() > 0 && total > settings.maxBytes() && next < candidates.size()) {
            StoredFile oldest = candidates.get(next++);
            if (delete(oldest, errors)) {
                bySize++;
                deletedBytes += oldest.bytes();
                total -= oldest.bytes();
            }
        }
        if (settings.maxDiskPercent() > 0) {
            try {
                long used = disk.usedBytes();
                long whole = used + disk.availableBytes();
                long toFree = used - whole / 100 * settings.maxDiskPercent();
                while (toFree > 0 && next < candidates.size()) {
                    StoredFile oldest = candidates.get(next++);
                    if (delete(oldest, errors)) {
                        byDisk++;
                        deletedBytes += oldest.bytes();
                        total -= oldest.bytes();
                        toFree -= oldest.bytes();
                    }
                }
            } catch (IOException e) {
                errors.add("reading the disk usage of " + root + ": " + e.getMessage());
            }
        }
        return new Outcome(byAge, bySize, byDisk, deletedBytes, files.size() - byAge - bySize - byDisk, total,
                errors);
    }

    private static boolean delete(StoredFile file, List<String> errors) {
        try {
            return Files.deleteIfExists(file.path());
        } catch (IOException | SecurityException e) {
            errors.add("deleting " + file.path() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    private static List<StoredFile> list(Path root, List<String> errors) {
        List<StoredFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()
                            && VideoFileNames.parse(file.getFileName().toString()).isPresent()) {
                        files.add(new StoredFile(file, attributes.size(), attributes.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // deleted meanwhile, by a snapshot's own count limit
                    }
                    errors.add("reading " + file + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add("listing " + root + ": " + e.getMessage());
        }
        return files;
    }
}
