package io.kapture.benchmarks.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of another process from {@code /proc/<pid>/stat} (user + system, in clock ticks of 10 ms).
 *
 * <p>Stateless; safe from any thread.
 */
final class ProcCpu {

    private static final double TICK_SECONDS = 0.01;

    private ProcCpu() {
    }

    /** CPU seconds the process used so far. */
    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14 and stime field 15 → indexes 11 and 12 here
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_SECONDS;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
        }
    }
}
