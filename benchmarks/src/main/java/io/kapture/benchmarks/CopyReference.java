package io.kapture.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The C reference for {@link CopyTable}: extracts {@code c/copy.c} from the jar, compiles it with {@code gcc -O2}
 * into a temporary directory and runs it: glibc's {@code memcpy} of one frame between the same two buffers, the
 * median of its runs in nanoseconds per copy. Everything temporary is deleted afterwards.
 *
 * <p>Used by the main thread only.
 */
final class CopyReference {

    private static final int ITERATIONS = 2_000;
    private static final int RUNS = 11;

    private CopyReference() {
    }

    /**
     * Nanoseconds per {@code memcpy} of {@code length} bytes.
     *
     * @throws IOException if gcc is missing, fails, or the program fails (the message says which)
     */
    static double memcpyNanos(int length) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("kapture-copy");
        try {
            Path source = directory.resolve("copy.c");
            try (InputStream in = CopyReference.class.getResourceAsStream("/c/copy.c")) {
                if (in == null) {
                    throw new IOException("c/copy.c is not in the benchmarks jar; rebuild it");
                }
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            Path program = directory.resolve("copy");
            NativeReference.run(List.of("gcc", "-O2", "-o", program.toString(), source.toString()));
            List<String> lines = NativeReference.run(List.of(program.toString(), Integer.toString(length),
                    Integer.toString(ITERATIONS), Integer.toString(RUNS)));
            for (String line : lines) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 2 && fields[0].equals("memcpy")) {
                    return Double.parseDouble(fields[1]);
                }
            }
            throw new IOException("c/copy.c printed no 'memcpy' line: " + String.join("\n", lines));
        } finally {
            NativeReference.deleteTree(directory);
        }
    }
}
