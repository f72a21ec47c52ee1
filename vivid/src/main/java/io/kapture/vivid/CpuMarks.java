package io.kapture.vivid;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * The benchmark's measuring listener: otherwise a no-op, it notes each frame's sequence number in an array and the
 * process's CPU time (all threads, nanoseconds: {@link ProcessCpuClock}) at the first, the middle ({@code measured
 * / 2 + 1}) and the {@code measured}-th frame it is handed, so that the steady state is the CPU between the first
 * and last frame over the periods between them, as {@code bench-probe} measures the C tools, and start-up is the
 * CPU before the first frame. Three CPU reads in a run; nothing else per frame beyond an array store.
 *
 * <p>For the long runs' windows ({@code bench-long}) it can also be given more marks (frame counts): at each it
 * reads the process's CPU, the JIT's total compilation time (a {@link LongSupplier} of milliseconds, in the
 * benchmark {@code CompilationMXBean.getTotalCompilationTime}) and the JVM's uptime, reported as {@code
 * in_marks=N:CPU_MS:JIT_MS:UPTIME_MS,...}, so the JIT's work in each window shows beside its CPU.
 *
 * <p>Threading contract: {@link #onFrame} runs on the engine's delivery thread for this listener, never
 * concurrently with itself; {@link #report} is for the main thread after {@link #await} returned (the latch is
 * the happens-before edge).
 */
final class CpuMarks implements FrameListener {

    private static final int START_SEQUENCES = 40;

    private final int measured;
    private final long[] sequences;
    private final CountDownLatch done;
    private final int[] markFrames;
    private final long[][] markValues;
    private final LongSupplier compileMillis;
    private final LongSupplier uptimeMillis;
    private int nextMark;
    private int count;
    private long first;
    private long middle;
    private long last;

    CpuMarks(int measured, int total) {
        this(measured, total, new int[0], () -> 0, () -> 0);
    }

    /**
     * @param markFrames    more frame counts at which to read the CPU, the JIT's time and the uptime (any order)
     * @param compileMillis the JIT's total compilation time so far, in ms (called on the listener's thread)
     * @param uptimeMillis  the JVM's uptime in ms (to place -XX:+PrintCompilation's lines in the windows)
     */
    CpuMarks(int measured, int total, int[] markFrames, LongSupplier compileMillis, LongSupplier uptimeMillis) {
        this.measured = measured;
        this.sequences = new long[total];
        this.done = new CountDownLatch(total);
        this.markFrames = Arrays.stream(markFrames).filter(frame -> frame >= 1 && frame <= total).sorted()
                .distinct().toArray();
        this.markValues = new long[this.markFrames.length][];
        this.compileMillis = compileMillis;
        this.uptimeMillis = uptimeMillis;
    }

    @Override
    public void onFrame(Frame frame) {
        if (count >= sequences.length) {
            return;
        }
        sequences[count++] = frame.sequence();
        if (count == 1) {
            first = ProcessCpuClock.nanos();
        } else if (count == measured / 2 + 1) {
            middle = ProcessCpuClock.nanos();
        } else if (count == measured) {
            last = ProcessCpuClock.nanos();
        }
        if (nextMark < markFrames.length && count == markFrames[nextMark]) {
            markValues[nextMark++] = new long[] {ProcessCpuClock.nanos(), compileMillis.getAsLong(),
                uptimeMillis.getAsLong()};
        }
        done.countDown();
    }

    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    /** Adds the figures to {@code report}, each key starting with {@code in_}. */
    void report(Map<String, Object> report) {
        report.put("in_frames", count);
        if (count == 0) {
            return;
        }
        report.put("in_startup_ms", EngineBench.ms(first));
        if (nextMark > 0) {
            StringJoiner marks = new StringJoiner(",");
            for (int i = 0; i < nextMark; i++) {
                marks.add(markFrames[i] + ":" + String.format(Locale.ROOT, "%.3f", markValues[i][0] / 1e6) + ":"
                        + markValues[i][1] + ":" + markValues[i][2]);
            }
            report.put("in_marks", marks.toString());
        }
        if (count >= measured) {
            report.put("in_steady_ms", String.format(Locale.ROOT, "%.3f",
                    (last - first) / 1e6 / (measured - 1)));
            report.put("in_half_ms", String.format(Locale.ROOT, "%.3f",
                    (last - middle) / 1e6 / (measured - (measured / 2 + 1))));
        }
        long lost = sequences[0];
        long lostAtStart = Math.min(sequences[0], START_SEQUENCES);
        long gaps = 0;
        long repeats = 0;
        String firstGap = "none";
        for (int i = 1; i < Math.min(count, measured); i++) {
            long step = sequences[i] - sequences[i - 1];
            if (step > 1) {
                if (gaps++ == 0) {
                    firstGap = sequences[i - 1] + "->" + sequences[i];
                }
                lost += step - 1;
                lostAtStart += Math.max(0, Math.min(sequences[i], START_SEQUENCES) - sequences[i - 1] - 1);
            } else if (step <= 0) {
                repeats++;
            }
        }
        report.put("in_first_seq", sequences[0]);
        report.put("in_lost", lost);
        report.put("in_lost_start", lostAtStart);
        report.put("in_gaps", gaps);
        report.put("in_first_gap", firstGap);
        report.put("in_repeats", repeats);
    }
}
