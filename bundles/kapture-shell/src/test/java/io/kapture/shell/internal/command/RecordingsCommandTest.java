package io.kapture.shell.internal.command;

import static io.kapture.shell.internal.testing.Tables.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.processor.recorder.EventStatus;
import io.kapture.processor.recorder.RecordedFile;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.Recordings;
import io.kapture.processor.recorder.RetentionStatus;
import io.kapture.shell.internal.testing.Console;
import io.kapture.shell.internal.testing.FakeBundleContext;

/** kapture:recordings and kapture:trigger over a Recordings service the test fills in. */
class RecordingsCommandTest {

    private static final long START = 1_800_000_000_000L; // 2027-01-15 08:00:00 UTC

    private final FakeRecordings recordings = new FakeRecordings();
    private final FakeBundleContext context = new FakeBundleContext();

    @Test
    void listsRecordersClipsWithTheirTriggerAndWhatRetentionDeleted() throws Exception {
        context.add(Recordings.class, recordings, Map.of());
        RecordingsCommand command = new RecordingsCommand();
        command.context = context;
        String out;
        try (Console console = Console.capture()) {
            command.execute();
            out = console.out();
            assertEquals("", console.err());
        }

        String[] lines = out.split("\\R");
        assertEquals("cam0: waiting for a trigger, 2 clips; pre-roll 150 frames, 4.5 of 32.0 MB, 5.0 s (2 files done)",
                lines[0]);
        assertEquals(List.of("Camera", "Start (UTC)", "Trigger", "MB", "Seconds", "Frames", "File"), cells(lines[1]));
        assertEquals(List.of("cam0", "2027-01-15 08:00:00", "motion", "2.5", "16.0", "480",
                "/data/kapture/recordings/cam0-20270115-080000-000.motion.avi"), cells(lines[3]));
        assertEquals(List.of("cam0", "2027-01-15 08:01:00", "doorbell", "0.3", "2.0", "60",
                "/data/kapture/recordings/cam0-20270115-080100-000.doorbell.avi *"), cells(lines[4]));
        assertTrue(out.contains("retention (size 20 MB): 3 passes, 4 files deleted (1 age, 3 size, 0 disk), 7.0 MB"
                + " freed; 2 files, 2.8 MB kept"), out);
    }

    @Test
    void triggerTriggersTheCamerasEventRecordersAndFailsWhenItHasNone() throws Exception {
        context.add(Recordings.class, recordings, Map.of());
        TriggerCommand command = new TriggerCommand();
        command.context = context;
        command.camera = "cam0";
        command.name = "doorbell";
        try (Console console = Console.capture()) {
            command.execute();
            assertEquals("Triggered 1 event recorder of camera cam0 (doorbell)", console.out().trim());
        }
        assertEquals(List.of("cam0 doorbell"), recordings.triggers);

        command.camera = "garden";
        String message = assertThrows(IllegalArgumentException.class, command::execute).getMessage();
        assertTrue(message.startsWith("camera garden has no event recorder"), message);
    }

    @Test
    void withoutTheRecorderBothCommandsSayWhatToInstall() {
        RecordingsCommand list = new RecordingsCommand();
        list.context = context;
        TriggerCommand trigger = new TriggerCommand();
        trigger.context = context;
        trigger.camera = "cam0";

        assertEquals("the recorder is not installed: feature:install kapture-recorder",
                assertThrows(IllegalStateException.class, list::execute).getMessage());
        assertThrows(IllegalStateException.class, trigger::execute);
    }

    private static final class FakeRecordings implements Recordings {
        final List<String> triggers = new ArrayList<>();

        @Override
        public List<RecordingProgress> recordings() {
            return List.of(new RecordingProgress("cam0", Optional.empty(), 0, 0, 0, 2, 0, Optional.empty(),
                    Optional.of(new EventStatus(Optional.empty(), 2, 150, 4_500_000, 32_000_000, 5000, 0))));
        }

        @Override
        public List<RecordingProgress> recordings(String camera) {
            return recordings().stream().filter(progress -> progress.camera().equals(camera)).toList();
        }

        @Override
        public List<RecordedFile> files() {
            return List.of(
                    new RecordedFile("cam0", "/data/kapture/recordings/cam0-20270115-080000-000.motion.avi",
                            Optional.of("motion"), START, 2_500_000, 480, 16_000, false),
                    new RecordedFile("cam0", "/data/kapture/recordings/cam0-20270115-080100-000.doorbell.avi",
                            Optional.of("doorbell"), START + 60_000, 300_000, 60, 2000, true));
        }

        @Override
        public RetentionStatus retention() {
            return new RetentionStatus("size 20 MB", 3, 1, 3, 0, 7_000_000, 2, 2_800_000, START, Optional.empty());
        }

        @Override
        public int trigger(String camera, String trigger) {
            if (!camera.equals("cam0")) {
                return 0;
            }
            triggers.add(camera + " " + trigger);
            return 1;
        }
    }
}
