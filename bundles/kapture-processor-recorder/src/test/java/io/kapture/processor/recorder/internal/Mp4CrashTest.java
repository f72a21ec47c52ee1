package io.kapture.processor.recorder.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.testing.VideoProbe;

/**
 * A JVM recording the synthetic camera as H.264 in MP4 (the real writer, the real OpenH264) is killed with SIGKILL
 * once four fragments are on disk: ffprobe reads every frame of the fragments flushed before the kill, and ffmpeg
 * decodes them without an error. The fragments are counted by reading the file's top-level boxes here, not by
 * asking the writer.
 */
class Mp4CrashTest {

    private static final int FRAGMENTS = 4;

    @TempDir
    Path temp;

    @Test
    void everyFrameOfTheFlushedFragmentsPlaysAfterAKill() throws Exception {
        Path file;
        long flushedFrames;
        try (RecorderProcess.Child child = RecorderProcess.start(temp.resolve("storage"), "h264")) {
            file = Path.of(child.awaitLine("frame ").split(" ", 3)[2]);
            AtomicReference<long[]> seen = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                seen.set(wholeFragments(file));
                return seen.get()[0] >= FRAGMENTS;
            });
            child.kill();
            // whatever the child wrote between the look and the kill only adds frames
            flushedFrames = seen.get()[1];
        }

        long[] after = wholeFragments(file);
        assertTrue(after[0] >= FRAGMENTS);
        VideoProbe.Report report = VideoProbe.probe(file);
        assertEquals("h264", report.codec());
        assertTrue(report.frames() >= flushedFrames,
                report.frames() + " frames play; the " + FRAGMENTS + " fragments flushed held " + flushedFrames);
        assertTrue(report.frames() >= after[1],
                report.frames() + " frames play of " + after[1] + " in whole fragments");
        assertEquals("", Ffprobe.decodeErrors(file));
        List<Boolean> keys = VideoProbe.keyFrames(file);
        assertTrue(keys.get(0), "the file begins with a keyframe");
    }

    /** Whole fragments (a moof and the mdat after it, both entirely in the file) and the samples they hold. */
    private static long[] wholeFragments(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        long fragments = 0;
        long samples = 0;
        int at = 0;
        long pendingSamples = -1;
        while (at + 8 <= bytes.limit()) {
            long size = Integer.toUnsignedLong(bytes.getInt(at));
            String type = new String(new byte[] { bytes.get(at + 4), bytes.get(at + 5), bytes.get(at + 6),
                bytes.get(at + 7) }, StandardCharsets.US_ASCII);
            if (size < 8 || at + size > bytes.limit()) {
                break;
            }
            if (type.equals("moof")) {
                pendingSamples = trunSamples(bytes, at, (int) size);
            } else if (type.equals("mdat") && pendingSamples >= 0) {
                fragments++;
                samples += pendingSamples;
                pendingSamples = -1;
            }
            at += (int) size;
        }
        return new long[] { fragments, samples };
    }

    /** The sample count of the moof's trun (moof > traf > trun, found by its type). */
    private static long trunSamples(ByteBuffer bytes, int moof, int size) {
        for (int i = moof + 8; i + 16 <= moof + size; i++) {
            if (bytes.get(i) == 't' && bytes.get(i + 1) == 'r' && bytes.get(i + 2) == 'u' && bytes.get(i + 3) == 'n') {
                return Integer.toUnsignedLong(bytes.getInt(i + 8));
            }
        }
        throw new AssertionError("a moof at " + moof + " without a trun");
    }
}
