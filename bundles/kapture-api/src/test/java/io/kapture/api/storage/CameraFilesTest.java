package io.kapture.api.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File names after camera and UTC time: safe whatever the camera is called, never taken, and recognisable. */
class CameraFilesTest {

    /** 2023-11-14 22:13:20 UTC. */
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path folder;

    @Test
    void namesFollowTheCameraAndTheUtcTime() {
        assertEquals(folder.resolve("cam0-20231114-221320-045.jpg"), CameraFiles.newFile(folder, "cam0", T0 + 45,
                "jpg"));
    }

    @Test
    void aCameraNameCannotLeadOutOfTheFolder() {
        assertEquals("_._.._evil_cam", CameraFiles.safeName("../../evil/cam"));
        assertEquals("_hidden", CameraFiles.safeName(".hidden"));
        assertEquals("front_door.2-x", CameraFiles.safeName("front door.2-x"));
        assertEquals(folder, CameraFiles.newFile(folder, "../x", T0, "avi").getParent());
    }

    @Test
    void aTakenNameGetsANumber() throws IOException {
        Path first = Files.createFile(CameraFiles.newFile(folder, "cam0", T0, "png"));
        Path second = Files.createFile(CameraFiles.newFile(folder, "cam0", T0, "png"));
        Files.createSymbolicLink(CameraFiles.newFile(folder, "cam0", T0, "png"), folder.resolve("nowhere"));

        assertEquals("cam0-20231114-221320-000.png", first.getFileName().toString());
        assertEquals("cam0-20231114-221320-000-1.png", second.getFileName().toString());
        assertEquals("cam0-20231114-221320-000-3.png", CameraFiles.newFile(folder, "cam0", T0, "png")
                .getFileName().toString(), "a dangling link takes its name too");
    }

    @Test
    void thePatternMatchesOnlyThisCamerasFilesWithTheseExtensions() {
        Pattern ours = CameraFiles.namePattern("cam/0", "jpg", "png");

        assertTrue(ours.matcher("cam_0-20231114-221320-000.jpg").matches());
        assertTrue(ours.matcher("cam_0-20231114-221320-000-12.png").matches());
        assertFalse(ours.matcher("cam_1-20231114-221320-000.jpg").matches(), "another camera");
        assertFalse(ours.matcher("cam_0-20231114-221320-000.avi").matches(), "another extension");
        assertFalse(ours.matcher("cam_0-notes.jpg").matches());
        assertFalse(ours.matcher(".cam_0-20231114-221320-000.jpg.tmp").matches(), "a file being written");
    }
}
