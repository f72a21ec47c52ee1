package io.kapture.processor.recorder.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * What Debian's ffprobe and ffmpeg (installed by scripts/install-test-prerequisites) make of a recording: the frames
 * a player would show, with their presentation times, and whether decoding the whole file reports an error. The
 * second opinion, independent of the writer and of the test's own AVI parser.
 *
 * <p>Stateless; safe from any thread (each call runs its own process).
 */
final class Ffprobe {

    private Ffprobe() {
    }

    /** The presentation time in seconds of every video frame ffprobe reads, in order. */
    static List<Double> frameTimes(Path file) throws IOException, InterruptedException {
        List<Double> times = new ArrayList<>();
        for (String line : run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts_time",
                "-of", "csv=p=0", file.toString()).lines().toList()) {
            if (!line.isBlank()) {
                times.add(Double.parseDouble(line.trim().replace(",", "")));
            }
        }
        return times;
    }

    /**
     * What ffmpeg reports decoding every frame of the file (nothing for a whole file). The null output keeps the
     * file's own time base ({@code -enc_time_base -1}): by default it counts in frames of the average rate, where
     * two frames of a camera that delivers irregularly (an MP4 keeps each frame's capture time) can fall on the
     * same tick and ffmpeg's output side complains, though nothing in the file is wrong.
     */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        return run("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(), "-enc_time_base", "-1", "-f", "null",
                "-").trim();
    }

    /** Frame {@code index} (from 0) of the file as ffmpeg decodes it. */
    static BufferedImage frame(Path file, int index) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(), "-vf",
                "select=eq(n\\," + index + ")", "-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            byte[] png = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || png.length == 0) {
                throw new IOException("ffmpeg could not decode frame " + index + " of " + file);
            }
            return ImageIO.read(new ByteArrayInputStream(png));
        } finally {
            process.destroyForcibly();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException(String.join(" ", command) + " did not end within 60 s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + text);
            }
            return text;
        } finally {
            process.destroyForcibly();
        }
    }
}
