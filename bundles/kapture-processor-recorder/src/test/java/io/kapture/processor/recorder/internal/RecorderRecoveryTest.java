package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.ProcessorFixture;
import io.kapture.testing.SyntheticFeed;

/**
 * A recorder's error tells the present: set while a write fails, gone once a frame is written again, so that what
 * is derived from it (the {@code failing} state on /kapture/metrics, MQTT and JMX: no file open and an error)
 * clears by itself. The recordings folder is replaced by a plain file, so no file can be begun, then given back.
 */
class RecorderRecoveryTest extends ProcessorFixture {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    @Test
    void aContinuousRecorderWritingAgainHasNoErrorLeft() throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, CAM0.as(RecorderSettings::from));
        Path folder = blockFolder();
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);

        deliver(30);
        RecordingProgress failing = recorder.progress();
        Files.delete(folder);
        deliver(300); // frame 301 is the first 10 s after the failure at frame 0: a new file is begun
        RecordingProgress writing = recorder.progress();
        recorder.deactivate();
        RecordingProgress stopped = recorder.progress();

        assertTrue(failing.file().isEmpty() && failing.lastError().orElseThrow()
                .startsWith("starting a file in folder 'recordings'"),
                failing.line());
        assertTrue(writing.file().isPresent(), writing.line());
        assertEquals(Optional.empty(), writing.lastError(), "writing again: " + writing.line());
        assertEquals(Optional.empty(), stopped.lastError(), "stopped after writing well is not failing: "
                + stopped.line());
    }

    @Test
    void anEventRecorderWhoseNextClipIsWrittenIsNoLongerFailing() throws IOException {
        CameraRecorder recorder = new CameraRecorder(registrar, root, CAM0.with("mode", "event")
                .with("pre.seconds", 1).with("post.seconds", 1).as(RecorderSettings::from));
        Path folder = blockFolder();
        feed = SyntheticFeed.timeline("cam0", "bars", 160, 120, PixelFormat.GREY);

        deliver(30);
        recorder.pulse("doorbell");
        deliver(60); // the clip cannot be begun; the pulse's second passes
        RecordingProgress failing = recorder.progress();
        Files.delete(folder);
        deliver(330); // well past the 10 s pause, so the next clip's pre-roll is too
        recorder.pulse("doorbell");
        deliver(60); // one second of pre-roll, one after the pulse: the clip is written and finished
        RecordingProgress after = recorder.progress();
        recorder.deactivate();

        assertTrue(failing.file().isEmpty() && failing.lastError().orElseThrow()
                .startsWith("starting a file in folder 'recordings'"),
                failing.line());
        assertEquals(1, files("recordings", ".avi").size(), "the second clip was written");
        assertTrue(after.file().isEmpty(), "between clips: " + after.line());
        assertEquals(Optional.empty(), after.lastError(), "the clip after the failure was written: " + after.line());
    }

    /** A plain file where the recordings folder was: beginning a file there fails until it is deleted. */
    private Path blockFolder() throws IOException {
        Path folder = root.path().resolve("recordings");
        Files.delete(folder);
        Files.writeString(folder, "a file where the folder was");
        return folder;
    }
}
