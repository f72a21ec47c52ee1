package io.kapture.api.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** Folders stay inside the storage root whatever the configuration says, and nothing is created outside it. */
class StorageRootTest {

    @TempDir
    Path temp;
    private Path outside;
    private StorageRoot root;

    @BeforeEach
    void makeRoot() throws IOException {
        outside = Files.createDirectory(temp.resolve("outside"));
        root = StorageRoot.of(temp.resolve("storage").toString(), null);
    }

    @Test
    void theRootComesFromThePropertyElseKarafDataElseTheWorkingDirectory() throws IOException {
        assertEquals(temp.resolve("storage").toRealPath(), root.path());
        Path underKarafData = StorageRoot.of(" ", temp.resolve("data").toString()).path();
        assertEquals(temp.resolve("data/kapture").toRealPath(), underKarafData);
        assertEquals(Path.of(System.getProperty("user.dir"), "kapture"), StorageRoot.location(null, null));
    }

    @Test
    void aBundleContextGivesTheFrameworkProperties() throws IOException {
        Path storage = temp.resolve("framework-storage");
        String karafData = temp.resolve("data").toString();

        Path named = StorageRoot.of(context(Map.of(StorageRoot.PROPERTY, storage.toString(), "karaf.data",
                karafData))).path();
        Path underKarafData = StorageRoot.of(context(Map.of("karaf.data", karafData))).path();

        assertEquals(storage.toRealPath(), named);
        assertEquals(temp.resolve("data/kapture").toRealPath(), underKarafData);
    }

    @Test
    void relativeFoldersAreCreatedInsideTheRoot() throws IOException {
        Path folder = root.folder("folder", "snapshots/cam0");

        assertEquals(root.path().resolve("snapshots/cam0"), folder);
        assertTrue(Files.isDirectory(folder));
        assertEquals(root.path(), root.folder("folder", ""), "an empty folder is the root");
        assertEquals(root.path().resolve("b"), root.folder("folder", "a/../b"), "'..' that stays inside is fine");
    }

    @Test
    void dotDotLeadingOutIsRefused() {
        String message = refused("../outside");

        assertTrue(message.contains("folder '../outside' lies outside the storage directory"), message);
        assertTrue(message.contains(StorageRoot.PROPERTY), message);
        refused("snapshots/../../outside/x");
        assertFalse(Files.exists(outside.resolve("x")));
    }

    @Test
    void absolutePathsAreAcceptedOnlyInsideTheRoot() throws IOException {
        refused(outside.toString());
        refused("/etc");

        assertEquals(root.path().resolve("abs"), root.folder("folder", root.path().resolve("abs").toString()));
    }

    @Test
    void aSymbolicLinkPointingOutIsRefusedBeforeAnythingIsCreated() throws IOException {
        Files.createSymbolicLink(root.path().resolve("escape"), outside);

        String message = refused("escape/cam0");

        assertTrue(message.contains("is a symbolic link to " + outside.toRealPath()), message);
        assertFalse(Files.exists(outside.resolve("cam0")), "nothing was created through the link");
    }

    @Test
    void aSymbolicLinkThatStaysInsideIsFollowed() throws IOException {
        Path real = Files.createDirectories(root.path().resolve("real"));
        Files.createSymbolicLink(root.path().resolve("alias"), real);

        assertEquals(real.resolve("cam0"), root.folder("folder", "alias/cam0"));
        assertTrue(Files.isDirectory(real.resolve("cam0")));
    }

    @Test
    void aFileInTheWayIsAnError() throws IOException {
        Files.writeString(root.path().resolve("taken"), "not a folder");

        String message = assertThrows(IOException.class, () -> root.folder("folder", "taken/cam0")).getMessage();

        assertTrue(message.contains("exists and is not a directory"), message);
    }

    private String refused(String folder) {
        return assertThrows(IllegalArgumentException.class, () -> root.folder("folder", folder)).getMessage();
    }

    /** A bundle context that answers framework properties and nothing else. */
    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(StorageRootTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getProperty")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return properties.get((String) args[0]);
                });
    }
}
