package io.kapture.vivid;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The process's CPU time in nanoseconds, all threads, from {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)}
 * through JNA. The JDK's {@code OperatingSystemMXBean.getProcessCpuTime} reads {@code times()} on Linux, in
 * clock ticks: 10 ms steps, ±0.05 ms a frame over a 200-frame benchmark, as much as the C tools' whole cost there.
 *
 * <p>Stateless; thread-safe.
 */
final class ProcessCpuClock {

    private static final int CLOCK_PROCESS_CPUTIME_ID = 2;

    /** libc's clock_gettime; {@code timespec} is two longs (seconds, nanoseconds) on 64-bit Linux. */
    private interface Libc extends Library {
        int clock_gettime(int clock, long[] timespec);
    }

    private static final Libc LIBC = Native.load("c", Libc.class);

    private ProcessCpuClock() {
    }

    static long nanos() {
        long[] timespec = new long[2];
        if (LIBC.clock_gettime(CLOCK_PROCESS_CPUTIME_ID, timespec) != 0) {
            throw new IllegalStateException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed, errno "
                    + Native.getLastError());
        }
        return timespec[0] * 1_000_000_000L + timespec[1];
    }
}
