package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.EncoderRanking;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.synthetic.SyntheticFrames;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.SyntheticFeed;

/**
 * A file that cannot be finished when it is rotated (its close fails, as when the disk fills up while its index is
 * written) is the recorder's error like a failed write's, while the frame that rotated it begins the next file: no
 * frame is lost, and the error stays for the {@value CameraRecorder#RETRY_SECONDS} s a failed write would pause
 * before the next frame written clears it. The first file's close fails after closing it for real.
 */
class RotationFinishFailureTest extends ProcessorFixture {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0")
            .with("rotate.duration.seconds", 1);

    @Test
    void aRotatedFileThatCannotBeFinishedIsTheErrorWhileTheFrameThatRotatedItBeginsTheNext() throws IOException {
        List<Path> opened = new ArrayList<>();
        VideoSink.Factory firstCloseFails = (path, width, height) -> {
            VideoSink sink = AviWriter.create(path, width, height);
            opened.add(path);
            return opened.size() == 1 ? new CloseFails(sink) : sink;
        };
        CameraRecorder recorder = new CameraRecorder(registrar, root, CAM0.as(RecorderSettings::from),
                new EncoderRanking(), firstCloseFails);
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);

        deliver(32); // frame 31 is the first a second (of capture time) into the file: it rotates it
        RecordingProgress rotated = recorder.progress();
        deliver(150); // 5 s later, four more files rotated well
        RecordingProgress writingOn = recorder.progress();
        deliver(200); // past the 10 s
        RecordingProgress later = recorder.progress();
        recorder.deactivate();

        Path first = opened.get(0);
        Path second = opened.get(1);
        String failure = "finishing " + first + ": No space left on device";
        assertEquals(Optional.of(second.toString()), rotated.file(), rotated.line());
        assertEquals(Optional.of(failure), rotated.lastError(), rotated.line());
        assertEquals(Optional.of(failure), writingOn.lastError(), "still shown 5 s on: " + writingOn.line());
        assertEquals(Optional.empty(), later.lastError(), "cleared after 10 s: " + later.line());
        assertEquals(1, rotated.filesUnfinished(), rotated.line());
        assertEquals(1, later.filesUnfinished(), "the count stays: " + later.line());
        assertTrue(later.line().contains("1 file not finished"), later.line());
        assertEquals(0, later.framesSkipped(), later.line());
        assertEquals(30, SyntheticFrames.sequenceOf(new AviFile(first).image(30)), "the first file's last frame");
        assertEquals(31, SyntheticFrames.sequenceOf(new AviFile(second).image(0)), "the frame that rotated it");
    }

    /** A file whose close releases it and then fails, as a close that could not write the index would. */
    private record CloseFails(VideoSink file) implements VideoSink {

        @Override
        public void write(EncodedFrame frame) throws IOException {
            file.write(frame);
        }

        @Override
        public boolean accepts(EncodedFrame frame) {
            return file.accepts(frame);
        }

        @Override
        public void checkpoint() throws IOException {
            file.checkpoint();
        }

        @Override
        public long bytes() {
            return file.bytes();
        }

        @Override
        public int frameOverhead() {
            return file.frameOverhead();
        }

        @Override
        public int frames() {
            return file.frames();
        }

        @Override
        public long durationNanos() {
            return file.durationNanos();
        }

        @Override
        public Path path() {
            return file.path();
        }

        @Override
        public void close() throws IOException {
            file.close();
            throw new IOException("No space left on device");
        }
    }
}
