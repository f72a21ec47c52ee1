package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.SyntheticFeed;

/**
 * {@link RecordingProgress#bytesWritten()}, what {@code kapture_recorder_written_bytes_total} shows: the sizes of
 * the files a recorder finished, as they are on disk, plus the size of the one it writes.
 */
class BytesWrittenTest extends ProcessorFixture {

    @Test
    void bytesWrittenAddsTheFinishedFilesToTheOneBeingWritten() throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, ComponentConfig.of(Config.class)
                .with("camera", "cam0").with("rotate.duration.seconds", 1).as(RecorderSettings::from));
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);

        deliver(100); // 1 s of capture time a file: three finished, the fourth open
        RecordingProgress writing = recorder.progress();
        Path open = Path.of(writing.file().orElseThrow());
        long finished = 0;
        for (Path file : files("recordings", ".avi")) {
            finished += file.equals(open) ? 0 : Files.size(file);
        }
        recorder.deactivate();
        RecordingProgress stopped = recorder.progress();
        List<Path> all = files("recordings", ".avi");

        assertEquals(4, all.size(), all.toString());
        assertEquals(finished + writing.bytes(), writing.bytesWritten(), writing.line());
        long onDisk = 0;
        for (Path file : all) {
            onDisk += Files.size(file);
        }
        assertEquals(onDisk, stopped.bytesWritten(), "every file as closed: " + stopped.line());
    }
}
