package io.kapture.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ImageFilesTest {

    @Test
    void relativeNamesResolveUnderKarafBase() {
        assertEquals(Path.of("/opt/karaf/snapshots/a.png"), ImageFiles.resolve("snapshots/../snapshots/a.png",
                "/opt/karaf"));
    }

    @Test
    void relativeNamesResolveUnderTheWorkingDirectoryOutsideKaraf() {
        assertEquals(Path.of(System.getProperty("user.dir"), "a.png"), ImageFiles.resolve("a.png", null));
    }

    @Test
    void absoluteNamesStay() {
        assertEquals(Path.of("/tmp/a.jpg"), ImageFiles.resolve("/tmp/a.jpg", "/opt/karaf"));
    }

    @Test
    void extensionPicksTheFormat() {
        assertEquals("png", ImageFiles.formatOf(Path.of("/x/A.PNG")));
        assertEquals("jpeg", ImageFiles.formatOf(Path.of("/x/a.jpg")));
        assertEquals("jpeg", ImageFiles.formatOf(Path.of("/x/a.jpeg")));
        assertThrows(IllegalArgumentException.class, () -> ImageFiles.formatOf(Path.of("/x/a.bmp")));
        assertThrows(IllegalArgumentException.class, () -> ImageFiles.formatOf(Path.of("/x/png")));
    }
}
