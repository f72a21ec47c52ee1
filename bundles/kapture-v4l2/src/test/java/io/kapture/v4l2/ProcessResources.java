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
 * <p>Two counts are equal when the three numbers are; the descriptors' targets (what {@code readlink} of each
 * {@code /proc/self/fd} entry names, sorted) are carried only for the failure message, so that a count that is one
 * off says which descriptor it is.
 *
 * @param descriptors       entries of /proc/self/fd
 * @param folderDescriptors of those, the ones whose target lies in the folder
 * @param folderMappings    lines of /proc/self/maps naming a file in the folder
 * @param targets           the targets of all the descriptors, sorted
 */
record ProcessResources(long descriptors, long folderDescriptors, long folderMappings, List<String> targets) {

    /** Expected counts, with no targets to show. */
    ProcessResources(long descriptors, long folderDescriptors, long folderMappings) {
        this(descriptors, folderDescriptors, folderMappings, List.of());
    }

    static ProcessResources count(Path folder) {
        String prefix = folder.toAbsolutePath().toString();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            List<String> targets = fds.map(ProcessResources::target).sorted().toList();
            long inFolder = targets.stream().filter(target -> target.startsWith(prefix)).count();
            long mappings = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(line -> line.contains(prefix)).count();
            return new ProcessResources(targets.size(), inFolder, mappings, targets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return fd.getFileName() + " (closed while listed)";
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProcessResources that && descriptors == that.descriptors
                && folderDescriptors == that.folderDescriptors && folderMappings == that.folderMappings;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(descriptors) * 31 * 31 + Long.hashCode(folderDescriptors) * 31
                + Long.hashCode(folderMappings);
    }

    @Override
    public String toString() {
        return descriptors + " descriptors (" + folderDescriptors + " in the folder), " + folderMappings
                + " folder mappings" + (targets.isEmpty() ? "" : "; descriptors: " + String.join(", ", targets));
    }
}
