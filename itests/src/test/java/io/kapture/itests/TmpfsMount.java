package io.kapture.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tmpfs mounted over a folder, so that a processor writing there meets a real file system failure: read-only
 * ({@link #readOnly}: every file it tries to create fails with {@code EROFS}, "Read-only file system", as on a disk
 * remounted read-only after errors) or tiny ({@link #ofSize}: it fills up, {@code ENOSPC}, "No space left on
 * device"). Closing unmounts it and the folder's own contents are back. Needs root, as the build runs here.
 *
 * <p>Threading contract: one test thread mounts and closes it.
 */
final class TmpfsMount implements AutoCloseable {

    private final Path folder;
    private boolean mounted;

    private TmpfsMount(Path folder) {
        this.folder = folder;
    }

    /** A read-only tmpfs over {@code folder}, which must exist. */
    static TmpfsMount readOnly(Path folder) throws IOException, InterruptedException {
        return mount(folder, "ro,size=64k");
    }

    /** A writable tmpfs of {@code size} (as mount takes it: {@code 1m}) over {@code folder}, which must exist. */
    static TmpfsMount ofSize(Path folder, String size) throws IOException, InterruptedException {
        return mount(folder, "size=" + size);
    }

    private static TmpfsMount mount(Path folder, String options) throws IOException, InterruptedException {
        TmpfsMount mount = new TmpfsMount(folder);
        assertEquals("mount over " + folder, "", run("mount", "-t", "tmpfs", "-o", options, "tmpfs",
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
