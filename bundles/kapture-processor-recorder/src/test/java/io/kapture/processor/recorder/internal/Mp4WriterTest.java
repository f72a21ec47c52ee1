package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.testing.SyntheticFeed;
import io.kapture.testing.VideoProbe;

/**
 * The fragmented MP4 writer, judged by ffprobe and ffmpeg (Debian's, nobody here wrote them) on files of real
 * OpenH264 output: codec, size, every frame, their times and keyframes; a file cut after its last whole fragment,
 * as a crash leaves it, plays those fragments.
 */
class Mp4WriterTest {

    /** One 90 kHz tick, in seconds: how closely a frame's time in the file follows its capture time. */
    private static final double TICK = 1.0 / Mp4Header.TIMESCALE;

    @TempDir
    Path temp;

    @Test
    void ffprobeReadsEveryFrameWithItsCodecSizeTimeAndKeyframes() throws Exception {
        List<EncodedFrame> frames = H264Frames.encode(100, 30);
        Path file = temp.resolve("cam0.mp4");
        Mp4Writer writer = write(file, frames);
        writer.close();

        VideoProbe.Report report = VideoProbe.probe(file);
        assertEquals("h264", report.codec());
        assertEquals(H264Frames.WIDTH, report.width());
        assertEquals(H264Frames.HEIGHT, report.height());
        assertEquals(100, report.frames());
        assertEquals("", Ffprobe.decodeErrors(file));
        List<Double> times = Ffprobe.frameTimes(file);
        assertEquals(100, times.size());
        for (int i = 0; i < times.size(); i++) {
            assertEquals(i * SyntheticFeed.FRAME_NANOS / 1e9, times.get(i), 2 * TICK, "time of frame " + i);
        }
        List<Boolean> keys = VideoProbe.keyFrames(file);
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(i % 30 == 0, keys.get(i), "key_frame of frame " + i);
        }
        // a fragment per keyframe interval: 0-29, 30-59, 60-89, 90-99
        assertEquals(4, writer.fragments());
        assertEquals(Files.size(file), writer.bytes());
    }

    @Test
    void framesLastUntilTheNextFrameWasCaptured() throws Exception {
        // a camera that stalls for 0.4 s after frame 10 and jitters by a few milliseconds
        List<EncodedFrame> frames = H264Frames.encode(40, 15,
                n -> n * 40_000_000L + (n > 10 ? 400_000_000L : 0) + (n % 3) * 3_000_000L);
        Path file = temp.resolve("stall.mp4");
        write(file, frames).close();

        List<Double> times = Ffprobe.frameTimes(file);
        assertEquals(40, times.size());
        long first = frames.get(0).timestampNanos();
        for (int i = 0; i < times.size(); i++) {
            assertEquals((frames.get(i).timestampNanos() - first) / 1e9, times.get(i), 2 * TICK, "frame " + i);
        }
        Mp4Summary.Counts counts = summary(file);
        assertEquals(40, counts.frames());
        // the last frame lasts as long as the one before it
        long last = frames.get(39).timestampNanos();
        long expected = (2 * last - frames.get(38).timestampNanos() - first) / 1_000_000;
        assertEquals(expected, counts.durationMillis(), 1);
    }

    @Test
    void aFileCutAfterItsLastWholeFragmentPlaysThoseFragments() throws Exception {
        List<EncodedFrame> frames = H264Frames.encode(75, 30);
        Path file = temp.resolve("crashed.mp4");
        Mp4Writer writer = write(file, frames);
        // never closed, as after a crash: fragments 0-29 and 30-59 are on disk, 60-74 were being gathered
        assertEquals(2, writer.fragments());
        Path copy = temp.resolve("copy.mp4");
        Files.copy(file, copy);
        // a torn fragment after them, as a write cut short leaves it
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.APPEND)) {
            ByteBuffer torn = ByteBuffer.allocate(64).putInt(5000).put("moof".getBytes()).flip();
            channel.write(torn);
        }
        writer.close();

        assertEquals(60, VideoProbe.probe(copy).frames());
        assertEquals(60, summary(copy).frames());
        assertEquals(75, VideoProbe.probe(file).frames());
    }

    @Test
    void aFileBeginsWithAKeyframeCarryingItsParameterSets() throws Exception {
        List<EncodedFrame> frames = H264Frames.encode(3, 30);
        Mp4Writer writer = Mp4Writer.create(temp.resolve("late.mp4"), H264Frames.WIDTH, H264Frames.HEIGHT);
        try {
            IOException refused = assertThrows(IOException.class, () -> writer.write(frames.get(1)));
            assertTrue(refused.getMessage().contains("must begin with a keyframe carrying SPS and PPS"),
                    refused.getMessage());
        } finally {
            writer.close();
        }
    }

    @Test
    void aKeyframeWithOtherParameterSetsNeedsANewFile() throws Exception {
        List<EncodedFrame> frames = H264Frames.encode(31, 30);
        Mp4Writer writer = write(temp.resolve("params.mp4"), frames.subList(0, 30));
        try {
            EncodedFrame key = frames.get(30);
            assertTrue(key.keyFrame());
            assertTrue(writer.accepts(key));
            byte[] changed = new byte[key.size()];
            key.data().get(0, changed);
            // the SPS is the first NAL unit: change its level_idc (its 4th byte)
            changed[4 + 3] ^= 1;
            EncodedFrame other = new EncodedFrame(ByteBuffer.wrap(changed), key.timestampNanos(),
                    key.wallClockMillis(), key.sequence(), key.width(), key.height(), true);
            assertFalse(writer.accepts(other));
            assertTrue(writer.accepts(frames.get(29)), "frames that are not keyframes carry no parameter sets");
        } finally {
            writer.close();
        }
    }

    private static Mp4Writer write(Path file, List<EncodedFrame> frames) throws IOException {
        Mp4Writer writer = Mp4Writer.create(file, H264Frames.WIDTH, H264Frames.HEIGHT);
        for (EncodedFrame frame : frames) {
            writer.write(frame);
        }
        return writer;
    }

    private static Mp4Summary.Counts summary(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return Mp4Summary.of(channel);
        }
    }
}
