package io.kapture.itests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import io.kapture.synthetic.SyntheticFrames;

/**
 * Reads a recorded clip two ways: ffprobe (Debian's ffmpeg, as a player sees the file) for every frame's
 * presentation time, and the file's own JPEG frames for the synthetic camera's sequence code painted into each,
 * so a test can say which captured frame plays when.
 *
 * <p>Stateless; safe from any thread.
 */
final class ClipProbe {

    private ClipProbe() {
    }

    /** The presentation time in seconds of every video frame ffprobe reads, in order. */
    static List<Double> frameTimes(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "frame=pts_time", "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("ffprobe failed on " + file + ": " + output);
            }
            List<Double> times = new ArrayList<>();
            for (String line : output.split("\\R")) {
                if (!line.isBlank()) {
                    times.add(Double.parseDouble(line.trim().replace(",", "")));
                }
            }
            return times;
        } finally {
            process.destroyForcibly();
        }
    }

    /** The sequence code of every frame chunk ({@code 00dc}) in the file's movi list, in file order. */
    static List<Long> sequenceCodes(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Long> codes = new ArrayList<>();
        int at = 224; // the first chunk, after Kapture's fixed-size headers
        while (at + 8 <= bytes.limit() && bytes.get(at) == '0' && bytes.get(at + 1) == '0' && bytes.get(at + 2) == 'd'
                && bytes.get(at + 3) == 'c') {
            int size = bytes.getInt(at + 4);
            byte[] jpeg = new byte[size];
            bytes.get(at + 8, jpeg);
            codes.add(SyntheticFrames.sequenceOf(ImageIO.read(new ByteArrayInputStream(jpeg))));
            at += 8 + size + (size & 1);
        }
        return codes;
    }
}
