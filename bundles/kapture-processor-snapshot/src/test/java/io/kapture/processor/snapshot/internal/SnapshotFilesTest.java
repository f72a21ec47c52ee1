package io.kapture.processor.snapshot.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.storage.StorageRoot;
import io.kapture.testing.ComponentConfig;

/** Names, atomic writes and retention, on bytes that stand for images. */
class SnapshotFilesTest {

    private static final ComponentConfig<Config> CAM0 = ComponentConfig.of(Config.class).with("camera", "cam0");

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path temp;
    private StorageRoot root;

    @BeforeEach
    void makeRoot() throws IOException {
        root = StorageRoot.of(temp.resolve("storage").toString(), null);
    }

    @Test
    void filesAreNamedAfterCameraAndUtcTime() throws IOException {
        SnapshotFiles files = new SnapshotFiles(root, CAM0.as(SnapshotSettings::from));

        Path written = files.write(new byte[] { 1, 2, 3 }, T0 + 45);

        assertEquals(root.path().resolve("snapshots/cam0-20231114-221320-045.jpg"), written);
        assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(written));
        assertEquals(List.of(written), list(written.getParent()), "no temporary file is left");
        SnapshotFiles pngFiles = new SnapshotFiles(root, CAM0.with("format", "PNG").as(SnapshotSettings::from));
        Path png = pngFiles.write(new byte[1], T0);
        assertTrue(png.toString().endsWith(".png"), png.toString());
    }

    @Test
    void twoSnapshotsInTheSameMillisecondBothSurvive() throws IOException {
        SnapshotFiles files = new SnapshotFiles(root, CAM0.as(SnapshotSettings::from));

        Path first = files.write(new byte[] { 1 }, T0);
        Path second = files.write(new byte[] { 2 }, T0);

        assertEquals("cam0-20231114-221320-000-1.jpg", second.getFileName().toString());
        assertArrayEquals(new byte[] { 1 }, Files.readAllBytes(first));
    }

    @Test
    void retentionKeepsTheNewestAndNeverTouchesOtherFiles() throws IOException {
        ComponentConfig<Config> config = CAM0.with("retention", 3);
        Path folder = Files.createDirectories(root.path().resolve("snapshots"));
        Path notes = Files.writeString(folder.resolve("notes.txt"), "keep me");
        Path otherCamera = Files.write(folder.resolve("cam1-20230101-000000-000.jpg"), new byte[1]);
        SnapshotFiles files = new SnapshotFiles(root, config.as(SnapshotSettings::from));

        for (int i = 0; i < 6; i++) {
            files.write(new byte[] { (byte) i }, T0 + i * 60_000L);
            files.prune();
        }

        List<Path> kept = files.snapshots(folder);
        assertEquals(3, kept.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new byte[] { (byte) (i + 3) }, Files.readAllBytes(kept.get(i)), "the newest three");
        }
        assertTrue(Files.exists(notes) && Files.exists(otherCamera));
    }

    @Test
    void retentionZeroKeepsEverything() throws IOException {
        ComponentConfig<Config> config = CAM0.with("retention", 0);
        SnapshotFiles files = new SnapshotFiles(root, config.as(SnapshotSettings::from));

        for (int i = 0; i < 5; i++) {
            files.write(new byte[1], T0 + i * 1000L);
            files.prune();
        }

        assertEquals(5, files.snapshots(files.folder()).size());
    }

    @Test
    void aCameraNameCannotLeadOutOfTheFolder() throws IOException {
        ComponentConfig<Config> config = CAM0.with("camera", "../../evil/cam");

        Path written = new SnapshotFiles(root, config.as(SnapshotSettings::from)).write(new byte[1], T0);

        assertEquals(root.path().resolve("snapshots"), written.getParent());
        assertEquals("_._.._evil_cam-20231114-221320-000.jpg",
                written.getFileName().toString());
    }

    @Test
    void aFolderSwappedForALinkOutIsRefusedAtTheNextWrite() throws IOException {
        SnapshotFiles files = new SnapshotFiles(root, CAM0.as(SnapshotSettings::from));
        Path folder = files.folder();
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.delete(folder);
        Files.createSymbolicLink(folder, outside);

        assertThrows(IllegalArgumentException.class, () -> files.write(new byte[1], T0));

        assertEquals(List.of(), list(outside));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }
}
