package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.EncoderRanking;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.TestFrame;
import io.kapture.testing.VideoProbe;

/**
 * A camera's own H.264 (passed through: nobody can ask it for a keyframe) rotated by {@code rotate.size.mb}: each
 * file ends at a keyframe before the next group of pictures would carry it past the limit, so no file is larger than
 * the limit, and no frame is lost between files.
 */
class H264SizeRotationTest extends ProcessorFixture {

    private static final long LIMIT = 1_000_000;

    @Test
    void aCameraStreamIsRotatedAtAKeyframeBeforeTheLimit() throws Exception {
        // about 16 kB a frame, a keyframe every 25 frames: groups of about 400 kB, a file holds two
        List<EncodedFrame> stream = H264Frames.encodeNoise(300, 25, 4_000_000);
        CameraRecorder recorder = new CameraRecorder(registrar, root, ComponentConfig.of(Config.class)
                .with("camera", "cam0").with("format", "h264").with("rotate.size.mb", 1).as(RecorderSettings::from),
                new EncoderRanking());
        for (EncodedFrame unit : stream) {
            byte[] annexB = H264Frames.annexB(unit);
            TestFrame frame = TestFrame.builder(new FrameFormat(320, 240, PixelFormat.H264, 0, annexB.length), annexB)
                    .camera("cam0").sequence(unit.sequence()).timestampNanos(unit.timestampNanos()).build();
            try {
                registrar.deliver(frame);
            } finally {
                frame.release();
            }
        }
        recorder.deactivate();

        List<Path> files;
        try (Stream<Path> listed = Files.list(root.folder("folder", "recordings"))) {
            files = listed.sorted().toList();
        }
        assertTrue(files.size() >= 4, files.toString());
        int frames = 0;
        for (Path file : files) {
            assertTrue(Files.size(file) <= LIMIT, file + " has " + Files.size(file) + " bytes");
            assertTrue(VideoProbe.keyFrames(file).get(0), file + " begins with a keyframe");
            assertEquals("", Ffprobe.decodeErrors(file));
            frames += VideoProbe.probe(file).frames();
        }
        assertEquals(stream.size(), frames, "every frame in one of the files");
    }
}
