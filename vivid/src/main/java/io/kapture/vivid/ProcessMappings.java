package io.kapture.vivid;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts this process's memory mappings of a device node or of DMABUF objects, from {@code /proc/self/maps}, and its
 * open descriptors of a node, from {@code /proc/self/fd}: after STREAMOFF and close every mapping of the driver's
 * buffers and every descriptor must be gone, or Kapture leaks them.
 *
 * <p>Stateless; thread-safe (each call reads the file anew).
 */
final class ProcessMappings {

    private static final Path MAPS = Path.of("/proc/self/maps");

    private ProcessMappings() {
    }

    /** Mappings of the device node {@code device} (such as {@code /dev/video0}). */
    static long ofDevice(String device) throws IOException {
        return ofDevice(Files.readAllLines(MAPS), device);
    }

    /** Mappings of DMABUF objects ({@code /dmabuf:} or {@code anon_inode:dmabuf} names). */
    static long ofDmabufs() throws IOException {
        return ofDmabufs(Files.readAllLines(MAPS));
    }

    /** This process's open descriptors of {@code path}, from the links in {@code /proc/self/fd}. */
    static long descriptorsOf(String path) throws IOException {
        long count = 0;
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    if (Files.readSymbolicLink(descriptor).toString().equals(path)) {
                        count++;
                    }
                } catch (IOException closedMeanwhile) {
                    // the directory stream's own descriptor, or one closed while listing: not the device's
                }
            }
        }
        return count;
    }

    /** The address ranges {@code [start, end)} at which {@code device} is mapped now. */
    static List<long[]> rangesOf(String device) throws IOException {
        return rangesOf(Files.readAllLines(MAPS), device);
    }

    static List<long[]> rangesOf(List<String> maps, String device) {
        return maps.stream().filter(line -> path(line).equals(device)).map(line -> {
            String[] range = line.substring(0, line.indexOf(' ')).split("-");
            return new long[] {Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16)};
        }).toList();
    }

    static long ofDevice(List<String> maps, String device) {
        return maps.stream().filter(line -> path(line).equals(device)).count();
    }

    static long ofDmabufs(List<String> maps) {
        return maps.stream().map(ProcessMappings::path)
                .filter(path -> path.startsWith("/dmabuf:") || path.startsWith("anon_inode:dmabuf")).count();
    }

    /** The path column: the sixth field, which may itself contain blanks. */
    private static String path(String line) {
        String[] fields = line.trim().split("\\s+", 6);
        return fields.length < 6 ? "" : fields[5].trim();
    }
}
