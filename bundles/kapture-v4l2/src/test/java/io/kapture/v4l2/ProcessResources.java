package io.kapture.v4l2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What this process holds, read from procfs: all its descriptors ({@code /proc/self/fd}), the descriptors that
 * point into a folder, and the mappings ({@code /proc/self/maps} lines) of files in that folder. The total
 * descriptor count is exact for a quiet JVM; the folder-scoped counts are what a V4L2 stream can leak (device
 * descriptors, buffer mappings). Anonymous mappings (orphaned buffers) cannot be told apart from the JVM's own,
 * so they are not counted here. Immutable; test use only.
 *
 * @param descriptors       entries of /proc/self/fd
 * @param folderDescriptors of those, the ones whose target lies in the folder
 * @param folderMappings    lines of /proc/self/maps naming a file in the folder
 */
record ProcessResources(long descriptors, long folderDescriptors, long folderMappings) {

    static ProcessResources count(Path folder) {
        String prefix = folder.toAbsolutePath().toString();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            List<Path> entries = fds.toList();
            long inFolder = entries.stream().filter(fd -> target(fd).startsWith(prefix)).count();
            long mappings = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(line -> line.contains(prefix)).count();
            return new ProcessResources(entries.size(), inFolder, mappings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
