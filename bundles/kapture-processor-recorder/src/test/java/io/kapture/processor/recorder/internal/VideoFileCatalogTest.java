package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.processor.recorder.RecordedFile;

/**
 * The catalog against a recorder that begins a file while the storage is listed: a file is either listed as being
 * written or not listed, never as finished while a recorder writes it (KaptureRecordingsIT saw a new H.264 file
 * as finished, and at the next listing as being written).
 */
class VideoFileCatalogTest {

    @TempDir
    Path root;

    @Test
    void aFileBegunJustAfterTheRecordersWereAskedIsNeverListedAsFinished() throws IOException {
        Path finished = Files.write(root.resolve("cam0-20270101-000000-000.avi"), new byte[100]);
        Path begun = root.resolve("cam0-20270101-000100-000.avi");
        // the recorders say what they write, and one of them begins a file right after it answered
        List<RecordedFile> listed = VideoFileCatalog.list(root, () -> {
            try {
                Files.write(begun, new byte[100]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.of();
        });

        assertTrue(listed.stream().noneMatch(file -> file.path().equals(begun.toString()) && !file.writing()),
                "a file being written listed as finished: " + listed);
        assertEquals(List.of(finished.toString()), listed.stream().map(RecordedFile::path).toList());
    }

    @Test
    void theFileARecorderWritesIsListedAsBeingWritten() throws IOException {
        Path writing = Files.write(root.resolve("cam0-20270101-000000-000.avi"), new byte[100]);

        List<RecordedFile> listed = VideoFileCatalog.list(root, () -> Set.of(writing));

        assertEquals(1, listed.size());
        assertTrue(listed.get(0).writing(), listed.toString());
    }
}
