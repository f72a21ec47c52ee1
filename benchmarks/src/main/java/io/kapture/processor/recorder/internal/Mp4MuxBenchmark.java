package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.EncoderRanking;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Profile;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.encoder.openh264.internal.OpenH264EncoderFactory;
import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.TestFrame;

/**
 * What the recorder's fragmented MP4 writer costs beside the H.264 encoder that feeds it, measured on the same
 * frames in one run: the synthetic camera's frames (YUYV) encoded by the real OpenH264 (2 Mbit/s,
 * a keyframe every 30 frames), then those access units muxed into MP4 files again and again. Both are timed as the
 * CPU time of the thread doing the work ({@code ThreadMXBean}: user and system, so the muxer's write system calls
 * count), per frame; the file overhead is the file's size less its samples' bytes, per frame (the samples' own
 * four-byte NAL length prefixes, which replace Annex B start codes byte for byte, are counted as data). Nothing is
 * asserted; the numbers are printed.
 *
 * <p>It lives in the recorder's package because the writer is package-private there (a bundle's internals); the
 * benchmarks module runs on the plain class path, where that is allowed.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.kapture.processor.recorder.internal.Mp4MuxBenchmark
 * [frames] [mux rounds] [pattern]} (pattern {@code bars+box}, the default, or {@code noise}, which the encoder
 * cannot compress, for large frames). Single-threaded.
 */
public final class Mp4MuxBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Mp4MuxBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String pattern = args.length > 2 ? args[2] : "bars+box";
        System.out.printf("Mp4MuxBenchmark: %d frames of pattern %s per size, %d mux rounds; %s, load %.2f%n", frames,
                pattern, rounds, System.getProperty("java.vm.version"), ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf("%-9s %12s %12s %8s %12s %14s %12s%n", "size", "encode ns/f", "mux ns/f", "mux/enc",
                "sample B/f", "overhead B/f", "overhead %");
        for (int[] size : new int[][] { { 640, 480 }, { 1280, 720 } }) {
            measure(size[0], size[1], pattern, frames, rounds);
        }
    }

    private static void measure(int width, int height, String pattern, int count, int rounds) throws IOException {
        List<EncodedFrame> units = new ArrayList<>(count);
        EncoderRanking encoders = new EncoderRanking();
        encoders.add(new OpenH264EncoderFactory(),
                Map.of(VideoEncoderFactory.CODEC, VideoEncoderFactory.H264));
        EncoderSettings settings = new EncoderSettings(2_000_000, 30, H264Profile.BASELINE, 30);
        long encodeNanos = 0;
        try (SyntheticFeed feed = SyntheticFeed.timeline("bench", pattern, width, height, PixelFormat.YUYV);
                H264FrameEncoder encoder = new H264FrameEncoder("bench", encoders::choice, settings)) {
            for (int i = 0; i < count; i++) {
                TestFrame frame = feed.next();
                long start = THREADS.getCurrentThreadCpuTime();
                units.addAll(encoder.encode(frame));
                encodeNanos += THREADS.getCurrentThreadCpuTime() - start;
                frame.release();
            }
        }
        long sampleBytes = units.stream().mapToLong(EncodedFrame::size).sum();
        Path folder = Files.createTempDirectory("mp4-bench");
        long muxNanos = 0;
        long fileBytes = 0;
        try {
            for (int round = -3; round < rounds; round++) { // three rounds to warm up
                Path file = folder.resolve("round" + round + ".mp4");
                long start = THREADS.getCurrentThreadCpuTime();
                Mp4Writer writer = Mp4Writer.create(file, width, height);
                for (EncodedFrame unit : units) {
                    writer.write(unit);
                }
                writer.close();
                long spent = THREADS.getCurrentThreadCpuTime() - start;
                fileBytes = Files.size(file);
                Files.delete(file);
                if (round >= 0) {
                    muxNanos += spent;
                }
            }
        } finally {
            Files.deleteIfExists(folder);
        }
        double encodePerFrame = (double) encodeNanos / units.size();
        double muxPerFrame = (double) muxNanos / rounds / units.size();
        double overheadPerFrame = (double) (fileBytes - sampleBytes) / units.size();
        System.out.printf("%-9s %12.0f %12.0f %7.2f%% %12.0f %14.1f %11.2f%%%n", width + "x" + height, encodePerFrame,
                muxPerFrame, 100 * muxPerFrame / encodePerFrame, (double) sampleBytes / units.size(),
                overheadPerFrame, 100.0 * (fileBytes - sampleBytes) / sampleBytes);
    }
}
