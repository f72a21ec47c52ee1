package io.kapture.benchmarks.soak;

/**
 * One row of the soak's table: process figures and pipeline counters at one moment.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param minute          minutes since the cameras were all running
 * @param heapAfterGc     heap bytes in use right after a full collection
 * @param directBytes     bytes of direct buffers
 * @param directCount     direct buffers
 * @param descriptors     open file descriptors
 * @param mappings        lines of /proc/self/maps
 * @param threads         live threads
 * @param gcCount         collections so far
 * @param gcMillis        milliseconds collecting so far
 * @param totals          pipeline counters so far
 * @param poolOutstanding pooled buffers handed out now (frames in flight)
 * @param poolBytesHeld   bytes the frame pool keeps track of
 */
record Sample(double minute, long heapAfterGc, long directBytes, long directCount, long descriptors, long mappings,
        long threads, long gcCount, long gcMillis, Totals totals, long poolOutstanding, long poolBytesHeld) {

    static final String HEADER = String.format("%6s %8s %8s %6s %5s %6s %5s %6s %7s %11s %11s %9s %8s %5s %6s %7s %5s",
            "minute", "heapMiB", "directMiB", "dbufs", "fds", "maps", "thr", "gcN", "gcMs", "captured",
            "delivered", "dropped", "gaps", "errs", "poolOut", "poolMiB", "bad");

    String row() {
        return String.format("%6.1f %8.1f %8.1f %6d %5d %6d %5d %6d %7d %11d %11d %9d %8d %5d %6d %7.1f %5d", minute,
                mib(heapAfterGc), mib(directBytes), directCount, descriptors, mappings, threads, gcCount, gcMillis,
                totals.captured, totals.delivered, totals.dropped, totals.gaps, totals.errors, poolOutstanding,
                mib(poolBytesHeld), totals.mismatches);
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
