package io.kapture.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The C reference for {@link SyscallBenchmark}: extracts {@code c/syscalls.c} from the jar, compiles it with
 * {@code gcc -O2} into a temporary directory and runs it a few times on a temporary file, keeping per measurement
 * (poll, ioctl, frame) the median of the runs, in nanoseconds per call. Everything temporary is deleted afterwards.
 *
 * <p>Used by the main thread only.
 */
final class NativeReference {

    private static final int RUNS = 5;
    private static final long ITERATIONS = 1_000_000;

    private NativeReference() {
    }

    /**
     * Measures the C reference.
     *
     * @return nanoseconds per call by measurement name, in the program's order
     * @throws IOException if gcc is missing, fails, or the program fails (the message says which)
     */
    static Map<String, Double> measure() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("kapture-syscalls");
        try {
            Path source = directory.resolve("syscalls.c");
            try (InputStream in = NativeReference.class.getResourceAsStream("/c/syscalls.c")) {
                if (in == null) {
                    throw new IOException("c/syscalls.c is not in the benchmarks jar; rebuild it");
                }
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            Path program = directory.resolve("syscalls");
            run(List.of("gcc", "-O2", "-o", program.toString(), source.toString()));
            Path file = directory.resolve("target.bin");
            Files.write(file, new byte[4096]);
            Map<String, List<Double>> samples = new LinkedHashMap<>();
            for (int i = 0; i < RUNS; i++) {
                for (String line : run(List.of(program.toString(), file.toString(), Long.toString(ITERATIONS)))) {
                    String[] fields = line.trim().split("\\s+");
                    samples.computeIfAbsent(fields[0], name -> new ArrayList<>()).add(Double.parseDouble(fields[1]));
                }
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            samples.forEach((name, values) -> medians.put(name, median(values)));
            return medians;
        } finally {
            deleteTree(directory);
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + command.get(0) + " (" + e.getMessage() + "); install gcc to get the C"
                    + " reference line", e);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + String.join("\n", lines));
        }
        return lines;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
