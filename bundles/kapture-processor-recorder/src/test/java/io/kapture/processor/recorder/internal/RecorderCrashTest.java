package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.synthetic.SyntheticFrames;

/**
 * A JVM recording the synthetic camera is killed with SIGKILL mid-file (no shutdown hook, no close): the file it
 * leaves plays, as ffmpeg decodes it without an error, up to its last checkpoint at least.
 */
class RecorderCrashTest {

    @TempDir
    Path temp;

    @Test
    void aFileCutShortByAKilledJvmStillPlays() throws Exception {
        Path file;
        long framesDelivered;
        try (RecorderProcess.Child child = RecorderProcess.start(temp.resolve("storage"))) {
            // 210 frames = 7 s at 30 fps: past the checkpoint 5 s into the file, and 2 s beyond it
            String[] parts = child.awaitLine("frame 210 ").split(" ", 3);
            framesDelivered = Long.parseLong(parts[1]);
            file = Path.of(parts[2]);
            child.kill();
        }

        List<Double> times = Ffprobe.frameTimes(file);
        assertEquals("", Ffprobe.decodeErrors(file));
        assertTrue(times.size() >= 150 && times.size() <= framesDelivered + 8,
                times.size() + " frames play of " + framesDelivered + " delivered");
        assertEquals(0.0, times.get(0), 1e-6);
        List<byte[]> chunks = AviFile.wholeFramesOf(file);
        assertTrue(chunks.size() >= times.size(), chunks.size() + " whole frames in the file");
        // a live camera may skip a sequence number now and then, so the codes rise, from the first frame captured
        long previous = -1;
        for (int i = 0; i < times.size(); i += 10) {
            long sequence = SyntheticFrames.sequenceOf(AviFile.decode(chunks.get(i)));
            assertTrue(sequence > previous && sequence >= i, "frame " + i + " has sequence " + sequence);
            previous = sequence;
        }
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) > times.get(i - 1), "frame " + i + " plays after frame " + (i - 1));
        }
    }
}
