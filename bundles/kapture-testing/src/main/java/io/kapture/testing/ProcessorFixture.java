package io.kapture.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.storage.StorageRoot;

/**
 * The set-up a test of a processor that writes files (snapshots, recordings) shares: before each test a fresh
 * {@link StorageRoot} at {@code storage/} in a temporary folder and a {@link RecordingRegistrar} to subscribe
 * through; after it, the {@link SyntheticFeed} the test opened into {@link #feed} is closed. A test class
 * extends it and uses the fields, {@link #deliver} to feed frames and {@link #files} to see what was written.
 *
 * <p>One instance per test, on JUnit's thread, as JUnit makes them.
 */
public abstract class ProcessorFixture {

    /** The temporary folder the storage root lies in; JUnit deletes it after the test. */
    @TempDir
    protected Path temp;
    /** The storage root, {@code storage/} under {@link #temp}. */
    protected StorageRoot root;
    /** Where the processor under test subscribes; the test delivers frames through it. */
    protected final RecordingRegistrar registrar = new RecordingRegistrar();
    /** The feed the test opens, if any; closed after the test. */
    protected SyntheticFeed feed;

    @BeforeEach
    void makeStorageRoot() throws IOException {
        root = StorageRoot.of(temp.resolve("storage").toString(), null);
    }

    @AfterEach
    void closeFeed() {
        if (feed != null) {
            feed.close();
        }
    }

    /** Hands the next {@code frames} frames of {@link #feed} to the listeners subscribed through {@link #registrar}. */
    protected void deliver(int frames) {
        for (int i = 0; i < frames; i++) {
            registrar.deliver(feed.next());
        }
    }

    /** The files in {@code folder} under the storage root whose names end with {@code suffix}, by name. */
    protected List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(root.path().resolve(folder))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Deletes {@code folder} under the storage root with all it holds, as someone might under a running processor. */
    protected void deleteFolder(String folder) throws IOException {
        try (Stream<Path> tree = Files.walk(root.path().resolve(folder))) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
