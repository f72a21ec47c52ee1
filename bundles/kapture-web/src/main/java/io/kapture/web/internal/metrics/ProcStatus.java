package io.kapture.web.internal.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The process's own figures from Linux's {@code /proc/self/status}: resident and virtual memory and the number of
 * threads (native ones included). Empty figures where the file is missing (another system) or lacks a line.
 *
 * <p>Immutable; safe from any thread.
 */
record ProcStatus(OptionalLong residentBytes, OptionalLong virtualBytes, OptionalLong threads) {

    private static final Path STATUS = Path.of("/proc/self/status");

    static ProcStatus read() {
        try {
            return parse(Files.readAllLines(STATUS, StandardCharsets.US_ASCII));
        } catch (IOException | SecurityException notLinux) {
            return new ProcStatus(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
        }
    }

    static ProcStatus parse(List<String> lines) {
        return new ProcStatus(kibibytes(lines, "VmRSS:"), kibibytes(lines, "VmSize:"), number(lines, "Threads:"));
    }

    private static OptionalLong kibibytes(List<String> lines, String key) {
        OptionalLong kib = number(lines, key);
        return kib.isPresent() ? OptionalLong.of(kib.getAsLong() * 1024) : kib;
    }

    private static OptionalLong number(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String[] words = line.substring(key.length()).trim().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(words[0]));
                } catch (NumberFormatException malformed) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
