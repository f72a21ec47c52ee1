package io.kapture.vivid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.kapture.api.spi.DeviceInfo;
import io.kapture.v4l2.internal.V4l2SourceProvider;

/**
 * A driver that delivers compressed frames of varying size, as USB cameras do: v4l2loopback (built for the guest's
 * kernel by {@code vivid/bin/build-loopback}) loaded as {@value #NODE}, and ffmpeg encoding a moving test pattern
 * (testsrc2) with the given encoder and writing it to the loopback's output side. Closing stops ffmpeg and unloads
 * the module, so each check starts from a fresh device.
 *
 * <p>Threading contract: owned by one check's thread; ffmpeg is a child process ended by {@link #close}.
 */
final class LoopbackFeed implements AutoCloseable {

    static final String NODE = "/dev/video20";
    static final long WAIT_SECONDS = 60;

    private final Process ffmpeg;
    private final Path progress;
    private final String log;

    private LoopbackFeed(Process ffmpeg, Path progress, String log) {
        this.ffmpeg = ffmpeg;
        this.progress = progress;
        this.log = log;
    }

    /**
     * Loads v4l2loopback (32 buffers, exclusive capabilities: the node offers capture once a writer set a format)
     * and starts ffmpeg writing {@code width}x{@code height} at {@code rate} frames a second, encoded with
     * {@code encoder} (ffmpeg's output options, {@code -c:v ...}), to it. ffmpeg's output goes to
     * {@code ffmpeg-<name>.log} in {@code out}.
     */
    static LoopbackFeed start(Path out, String name, int width, int height, int rate, List<String> encoder)
            throws IOException, InterruptedException {
        String module = System.getenv("KAPTURE_LOOPBACK_MODULE");
        CheckFailure.require(module != null && Files.isRegularFile(Path.of(module)), "KAPTURE_LOOPBACK_MODULE ("
                + module + ") names no v4l2loopback.ko; vivid/bin/run builds it with vivid/bin/build-loopback");
        Command.run(List.of("insmod", module, "devices=1", "video_nr=20", "exclusive_caps=1", "max_buffers=32",
                "card_label=kapture-loopback"), "loading v4l2loopback");
        Path progress = out.resolve("ffmpeg-" + name + "-progress.txt");
        String log = "ffmpeg-" + name + ".log";
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=" + rate));
        command.addAll(encoder);
        command.addAll(List.of("-progress", progress.toString(), "-stats_period", "0.2", "-f", "v4l2", NODE));
        try {
            Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.resolve(log).toFile()).start();
            return new LoopbackFeed(ffmpeg, progress, log);
        } catch (IOException | RuntimeException e) {
            Command.run(List.of("rmmod", "v4l2loopback"), "unloading v4l2loopback");
            throw e;
        }
    }

    /**
     * Waits until the node offers capture (with exclusive_caps, once ffmpeg has set the format on its output side)
     * and ffmpeg's progress report counts written frames. Capturing earlier gets, from v4l2loopback 0.12.7, a
     * buffer nobody wrote, with bytesused equal to the whole sizeimage: seen here, and not what these checks are
     * about.
     */
    void awaitWriting(V4l2SourceProvider provider) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            boolean capture = provider.devices().stream().anyMatch(d -> d.device().equals(NODE) && d.capture());
            if (capture && framesWritten() >= 2) {
                return;
            }
            CheckFailure.require(ffmpeg.isAlive(), "ffmpeg ended with status " + (ffmpeg.isAlive() ? "-"
                    : ffmpeg.exitValue()) + " before " + NODE + " offered capture; see " + log);
            CheckFailure.require(System.nanoTime() < deadline, NODE + " offered no capture within " + WAIT_SECONDS
                    + " s: " + provider.devices().stream().filter(d -> d.device().equals(NODE))
                    .map(DeviceInfo::capabilities).toList());
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** The last {@code frame=} count in ffmpeg's progress report; 0 before the first. */
    long framesWritten() throws IOException {
        if (!Files.exists(progress)) {
            return 0;
        }
        long frames = 0;
        for (String line : Files.readAllLines(progress)) {
            if (line.startsWith("frame=")) {
                frames = Long.parseLong(line.substring("frame=".length()).trim());
            }
        }
        return frames;
    }

    /** Stops ffmpeg and unloads the module (which fails the check if something still holds the device). */
    @Override
    public void close() throws IOException, InterruptedException {
        ffmpeg.destroy();
        if (!ffmpeg.waitFor(10, TimeUnit.SECONDS)) {
            ffmpeg.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Command.run(List.of("rmmod", "v4l2loopback"), "unloading v4l2loopback");
    }
}
