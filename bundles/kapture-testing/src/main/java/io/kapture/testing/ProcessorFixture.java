package io.kapture.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.storage.StorageRoot;

/**
 * The set-up a test of a processor that writes files (snapshots, recordings) shares: that of {@link FeedFixture}
 * (registrar, feed, {@link #deliver}) and, before each test, a fresh {@link StorageRoot} at {@code storage/} in a
 * temporary folder. A test class extends it and uses the fields, {@link #deliver} to feed frames and
 * {@link #files} to see what was written.
 *
 * <p>One instance per test, on JUnit's thread, as JUnit makes them.
 */
public abstract class ProcessorFixture extends FeedFixture {

    /** The temporary folder the storage root lies in; JUnit deletes it after the test. */
    @TempDir
    protected Path temp;
    /** The storage root, {@code storage/} under {@link #temp}. */
    protected StorageRoot root;

    @BeforeEach
    void makeStorageRoot() throws IOException {
        root = StorageRoot.of(temp.resolve("storage").toString(), null);
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
