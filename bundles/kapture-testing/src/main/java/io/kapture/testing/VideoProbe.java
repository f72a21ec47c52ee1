package io.kapture.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asks Debian's {@code ffprobe} (a real decoder nobody here wrote) what a video file or URL holds: the first video
 * stream's codec, size and profile, and the frames it decoded. Tests compare Kapture's output with it.
 *
 * <p>Stateless; safe from any thread (each call runs its own process).
 */
public final class VideoProbe {

    private VideoProbe() {
    }

    /**
     * What ffprobe reports, decoding every frame.
     *
     * @param input       a file, or an {@code rtsp://} URL
     * @param extraBefore options placed before {@code -i}, such as {@code -rtsp_transport tcp}
     * @param timeoutSeconds how long ffprobe may run before it is killed and the test fails
     */
    public static Report probe(String input, List<String> extraBefore, long timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        command.addAll(extraBefore);
        command.addAll(List.of("-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,width,height,profile,nb_read_frames", "-of", "default=noprint_wrappers=1", input));
        return new Report(parse(run(command, timeoutSeconds)));
    }

    /** {@link #probe} of a file. */
    public static Report probe(Path file) {
        return probe(file.toString(), List.of(), 120);
    }

    /** The {@code key_frame} flag of every frame ffprobe decodes, in order. */
    public static List<Boolean> keyFrames(Path file) {
        String output = run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "frame=key_frame", "-of", "csv=p=0", file.toString()), 120);
        List<Boolean> keys = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (!line.isBlank()) {
                keys.add(line.trim().startsWith("1"));
            }
        }
        return keys;
    }

    /**
     * Runs a command, returning its standard output.
     *
     * @throws AssertionError if it fails, runs too long or cannot be started (saying what ffprobe printed)
     */
    public static String run(List<String> command, long timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[][] output = new byte[2][];
            Thread errors = new Thread(() -> output[1] = readAll(process.getErrorStream()), "probe-stderr");
            errors.start();
            output[0] = readAll(process.getInputStream());
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
            }
            errors.join();
            String out = new String(output[0], StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " failed with status " + process.exitValue() + ": "
                        + new String(output[1], StandardCharsets.UTF_8) + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command.get(0) + " (install ffmpeg: "
                    + "scripts/install-test-prerequisites): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static Map<String, String> parse(String output) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.putIfAbsent(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return values;
    }

    /** The first video stream as ffprobe saw it. */
    public record Report(Map<String, String> values) {

        public String codec() {
            return values.getOrDefault("codec_name", "");
        }

        public int width() {
            return Integer.parseInt(values.getOrDefault("width", "0"));
        }

        public int height() {
            return Integer.parseInt(values.getOrDefault("height", "0"));
        }

        public String profile() {
            return values.getOrDefault("profile", "");
        }

        /** Frames ffprobe decoded. */
        public int frames() {
            String frames = values.getOrDefault("nb_read_frames", "0");
            return frames.equals("N/A") ? 0 : Integer.parseInt(frames);
        }
    }
}
