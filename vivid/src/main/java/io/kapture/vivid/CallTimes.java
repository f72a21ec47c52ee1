package io.kapture.vivid;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Nanoseconds per call, every sample kept, by call name ({@code clock}, {@code g_input}, {@code poll},
 * {@code dqbuf}, {@code qbuf}), plus the frames streamed and the time they took, gathered over one or more runs of
 * the syscall-cost check. The Java side fills it directly; the C side's output lines are parsed into it
 * ({@link #parse}), and both are written back in that line format so every run's raw samples are kept.
 *
 * <p>Not thread-safe: one thread fills and reads it.
 */
final class CallTimes {

    static final String STREAM = "stream";

    private final Map<String, long[]> samples = new LinkedHashMap<>();
    private long frames;
    private long streamNanos;

    /** Appends samples of {@code call}, after those of earlier runs. */
    void add(String call, long[] nanos) {
        long[] before = samples.getOrDefault(call, new long[0]);
        long[] all = Arrays.copyOf(before, before.length + nanos.length);
        System.arraycopy(nanos, 0, all, before.length, nanos.length);
        samples.put(call, all);
    }

    /** Counts a run's recorded frames and the nanoseconds from its first to its last recorded frame. */
    void addStream(long runFrames, long runNanos) {
        frames += runFrames;
        streamNanos += runNanos;
    }

    /** Appends everything of another run. */
    void addAll(CallTimes run) {
        run.samples.forEach(this::add);
        addStream(run.frames, run.streamNanos);
    }

    /** The samples of {@code call}; fails if it has none. */
    long[] of(String call) {
        long[] values = samples.get(call);
        CheckFailure.require(values != null && values.length > 0, "no samples of " + call + " among " + samples.keySet());
        return values;
    }

    long frames() {
        return frames;
    }

    /** Frames per second while recording (between runs' first and last recorded frames). */
    double framesPerSecond() {
        return streamNanos == 0 ? 0 : frames * 1e9 / streamNanos;
    }

    /** The nearest-rank percentile ({@code fraction} 0.5 for the median, 0.9 for p90) of {@code call}'s samples. */
    long percentile(String call, double fraction) {
        return percentile(of(call), fraction);
    }

    static long percentile(long[] values, double fraction) {
        if (values.length == 0 || fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("need samples and a fraction in (0, 1], had " + values.length
                    + " samples and " + fraction);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(fraction * sorted.length) - 1];
    }

    /**
     * Reads the C program's output: one line {@code <call> <ns> <ns> ...} per call and {@code stream <frames>
     * <nanoseconds>}.
     */
    static CallTimes parse(List<String> lines) {
        CallTimes times = new CallTimes();
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields[0].isEmpty()) {
                continue;
            }
            try {
                long[] numbers = Arrays.stream(fields, 1, fields.length).mapToLong(Long::parseLong).toArray();
                if (fields[0].equals(STREAM)) {
                    CheckFailure.require(numbers.length == 2, "the stream line has " + numbers.length
                            + " numbers, expected frames and nanoseconds: " + line);
                    times.addStream(numbers[0], numbers[1]);
                } else {
                    times.add(fields[0], numbers);
                }
            } catch (NumberFormatException e) {
                throw new CheckFailure("not a line of numbers after its name: '" + CheckRunner.oneLine(line) + "'");
            }
        }
        return times;
    }

    /** The lines {@link #parse} reads. */
    List<String> lines() {
        List<String> lines = samples.entrySet().stream().map(e -> e.getKey() + Arrays.stream(e.getValue())
                .mapToObj(n -> " " + n).collect(Collectors.joining())).collect(Collectors.toList());
        lines.add(STREAM + " " + frames + " " + streamNanos);
        return lines;
    }
}
