package io.kapture.vivid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.v4l2.V4l2CaptureSource;
import io.kapture.v4l2.V4l2Sources;

/**
 * The syscall-cost check (full suite): what the per-frame V4L2 calls cost through kapture-v4l2's JNA binding
 * ({@link JavaSyscallRun}) against the same calls from C (vivid/src/main/c/syscall-cost.c, compiled with gcc -O2
 * on the host by vivid/bin/run into the run's output folder), on the real vivid driver. vivid streams its smallest
 * size at its highest rate; Java and C runs alternate (Java, C, Java, C) so that a drift of the host's load
 * touches both alike. The check reports medians, p90 and the JNA/C ratio of the medians; it asserts no timing (a
 * shared host under emulation is no place for thresholds) and fails only if it could not measure. Every run's
 * raw samples are kept in the output folder, the full table in {@code syscall-cost.txt}.
 *
 * <p>Threading contract: runs on the caller's thread; each run opens and releases the device itself, the C side
 * is a child process that is waited for (and killed if it overruns).
 */
final class SyscallCost {

    static final String PROGRAM = "syscall-cost";
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final double RATE = 60;
    private static final int ROUNDS = 2;
    /** 450 frames in 7.5 s at 60 fps per run, after 30 unrecorded; under a minute for the four runs. */
    static final SyscallPlan PLAN = new SyscallPlan(16, 450, 10, 30, 20_000, 5_000);
    /** The per-frame calls: their names in {@link CallTimes} and in the message. */
    private static final List<Map.Entry<String, String>> FRAME_CALLS = List.of(Map.entry("dqbuf", "DQBUF"),
            Map.entry("qbuf", "QBUF"), Map.entry("poll", "poll (ready)"));

    private final String device;
    private final Path out;

    SyscallCost(String device, Path out) {
        this.device = device;
        this.out = out;
    }

    /** Measures both sides on the device; the message carries the figures. */
    String measure() throws IOException, InterruptedException {
        Path program = out.resolve(PROGRAM);
        CheckFailure.require(Files.isExecutable(program), "no C reference program " + program + ": vivid/bin/run"
                + " compiles vivid/src/main/c/syscall-cost.c there with gcc -O2 on the host; install gcc (see "
                + PROGRAM + "-gcc.log)");
        String format = negotiate();
        List<CallTimes> javaRuns = new ArrayList<>();
        List<CallTimes> cRuns = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            CallTimes javaRun = JavaSyscallRun.measure(device, PLAN);
            Files.write(out.resolve(PROGRAM + "-java-" + round + ".txt"), javaRun.lines(), StandardCharsets.UTF_8);
            javaRuns.add(javaRun);
            cRuns.add(runC(program, round));
        }
        CallTimes java = merged(javaRuns);
        CallTimes c = merged(cRuns);
        String summary = summary(format, java, c);
        Files.write(out.resolve(PROGRAM + ".txt"), report(summary, java, c, javaRuns, cRuns), StandardCharsets.UTF_8);
        return summary;
    }

    /** vivid's smallest YUYV size at its highest rate, set through Kapture; the runs stream what it set. */
    private String negotiate() {
        try (V4l2CaptureSource source = V4l2Sources.open(device)) {
            Negotiation negotiation = source.negotiate(new FormatRequest(WIDTH, HEIGHT, PixelFormat.YUYV, RATE));
            FrameFormat format = negotiation.format();
            CheckFailure.require(format.width() == WIDTH && format.height() == HEIGHT
                    && format.pixelFormat() == PixelFormat.YUYV, "asked 320x180 YUYV, got " + format);
            return WIDTH + "x" + HEIGHT + " YUYV @ " + String.format(Locale.ROOT, "%.0f", negotiation.framesPerSecond())
                    + " fps";
        }
    }

    private CallTimes runC(Path program, int round) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString(), device));
        command.addAll(PLAN.arguments());
        Path samples = out.resolve(PROGRAM + "-c-" + round + ".txt");
        Path errors = out.resolve(PROGRAM + "-c-" + round + ".log");
        Process process = new ProcessBuilder(command).redirectOutput(samples.toFile()).redirectError(errors.toFile())
                .start();
        try {
            long limit = PLAN.seconds() + 60L;
            CheckFailure.require(process.waitFor(limit, TimeUnit.SECONDS), String.join(" ", command)
                    + " did not finish within " + limit + " s");
            CheckFailure.require(process.exitValue() == 0, String.join(" ", command) + " exited "
                    + process.exitValue() + ": " + CheckRunner.oneLine(Files.readString(errors)));
        } finally {
            process.destroyForcibly();
        }
        return CallTimes.parse(Files.readAllLines(samples));
    }

    private static CallTimes merged(List<CallTimes> runs) {
        CallTimes all = new CallTimes();
        runs.forEach(all::addAll);
        return all;
    }

    /** The check's message: per call median/p90 both ways and the ratio of the medians. */
    static String summary(String format, CallTimes java, CallTimes c) {
        StringBuilder text = new StringBuilder(format).append(", ").append(PLAN.buffers()).append(" buffers, runs ")
                .append(String.join(", ", rounds())).append(": ")
                .append(java.frames()).append(" / ").append(c.frames()).append(" frames recorded (")
                .append(String.format(Locale.ROOT, "%.1f / %.1f fps", java.framesPerSecond(), c.framesPerSecond()))
                .append("); ns per call, median/p90, JNA vs C:");
        long javaFrame = 0;
        long cFrame = 0;
        for (Map.Entry<String, String> call : FRAME_CALLS) {
            text.append(' ').append(call.getValue()).append(' ').append(versus(call.getKey(), java, c)).append(';');
            javaFrame += java.percentile(call.getKey(), 0.5);
            cFrame += c.percentile(call.getKey(), 0.5);
        }
        text.append(" frame (poll + DQBUF + QBUF medians) ").append(javaFrame).append(" vs ").append(cFrame)
                .append(" = ").append(ratio(javaFrame, cFrame)).append(';')
                .append(" G_INPUT (empty ioctl, the floor) ").append(versus("g_input", java, c)).append(';')
                .append(" clock read (in every figure) ").append(versus("clock", java, c)).append('.')
                .append(" TCG-emulated guest: absolute ns are the emulator's, only the ratios compare; no target asserted");
        return text.toString();
    }

    private static List<String> rounds() {
        List<String> order = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            order.add("Java");
            order.add("C");
        }
        return order;
    }

    private static String versus(String call, CallTimes java, CallTimes c) {
        long javaMedian = java.percentile(call, 0.5);
        long cMedian = c.percentile(call, 0.5);
        return javaMedian + "/" + java.percentile(call, 0.9) + " vs " + cMedian + "/" + c.percentile(call, 0.9)
                + " = " + ratio(javaMedian, cMedian);
    }

    private static String ratio(long java, long c) {
        return c <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", (double) java / c);
    }

    /** syscall-cost.txt: the summary, percentiles of every call both ways, and each run's medians (drift). */
    private static List<String> report(String summary, CallTimes java, CallTimes c, List<CallTimes> javaRuns,
            List<CallTimes> cRuns) {
        List<String> lines = new ArrayList<>(List.of(CheckRunner.oneLine(summary), "",
                String.format(Locale.ROOT, "%-8s %-5s %7s %9s %9s %9s %9s", "call", "side", "samples", "p10 ns",
                        "median ns", "p90 ns", "p99 ns")));
        for (String call : List.of("dqbuf", "qbuf", "poll", "g_input", "clock")) {
            for (Map.Entry<String, CallTimes> side : List.of(Map.entry("JNA", java), Map.entry("C", c))) {
                CallTimes times = side.getValue();
                lines.add(String.format(Locale.ROOT, "%-8s %-5s %7d %9d %9d %9d %9d", call, side.getKey(),
                        times.of(call).length, times.percentile(call, 0.1), times.percentile(call, 0.5),
                        times.percentile(call, 0.9), times.percentile(call, 0.99)));
            }
        }
        lines.add("");
        lines.add("medians per run (Java, C alternating): DQBUF / QBUF / poll ns, frames, fps");
        for (int round = 0; round < javaRuns.size(); round++) {
            lines.add("round " + (round + 1) + "  Java " + runMedians(javaRuns.get(round)) + "  C "
                    + runMedians(cRuns.get(round)));
        }
        return lines;
    }

    private static String runMedians(CallTimes run) {
        return run.percentile("dqbuf", 0.5) + " / " + run.percentile("qbuf", 0.5) + " / " + run.percentile("poll", 0.5)
                + ", " + run.frames() + " frames, " + String.format(Locale.ROOT, "%.1f fps", run.framesPerSecond());
    }
}
