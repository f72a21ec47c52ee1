package io.kapture.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A read-only tmpfs mounted over a folder, so that every file a processor tries to create there fails with a
 * real {@code EROFS} ("Read-only file system"), as on a disk remounted read-only after errors; closing unmounts
 * it and the folder's own contents are back. Needs root, as the build runs here.
 *
 * <p>Threading contract: one test thread mounts and closes it.
 */
final class ReadOnlyMount implements AutoCloseable {

    private final Path folder;
    private boolean mounted;

    private ReadOnlyMount(Path folder) {
        this.folder = folder;
    }

    /** Mounts it over {@code folder}, which must exist. */
    static ReadOnlyMount over(Path folder) throws IOException, InterruptedException {
        ReadOnlyMount mount = new ReadOnlyMount(folder);
        assertEquals("mount over " + folder, "", run("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs",
                folder.toString()));
        mount.mounted = true;
        return mount;
    }

    /** Unmounts it (lazily, should a writer still hold the folder); idempotent. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (mounted) {
            mounted = false;
            assertEquals("umount " + folder, "", run("umount", "-l", folder.toString()));
        }
    }

    /** Runs a program; "" if it succeeded, else what it printed and its status. */
    private static String run(String... words) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", words) + " did not end", process.waitFor(30, TimeUnit.SECONDS));
        return process.exitValue() == 0 ? "" : output.trim() + " (exit " + process.exitValue() + ")";
    }
}
