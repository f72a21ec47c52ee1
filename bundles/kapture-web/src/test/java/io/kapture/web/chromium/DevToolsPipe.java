package io.kapture.web.chromium;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Chromium's DevTools over {@code --remote-debugging-pipe}: the browser reads NUL-terminated JSON messages on its
 * file descriptor 3 and writes its own on 4. The two are named pipes (FIFOs) that a shell opens as 3 and 4 before
 * it becomes the browser, so the browser can run where no TCP connection reaches it, such as another network
 * namespace ({@code ip netns exec}), whose loopback DevTools port would be out of reach (headless Chromium
 * ignores {@code --remote-debugging-address}).
 *
 * <p>Threading contract: {@link #send} from any thread (serialised); messages are handed to the consumer on one
 * daemon reader thread, in order.
 */
final class DevToolsPipe implements AutoCloseable {

    private final Path fromBrowser;
    private final RandomAccessFile toBrowser;
    private final OutputStream out;
    private final Thread reader;

    private DevToolsPipe(Path folder, Consumer<String> receiver) throws IOException {
        this.fromBrowser = folder.resolve("from-browser");
        this.toBrowser = new RandomAccessFile(folder.resolve("to-browser").toFile(), "rw");
        this.out = new FileOutputStream(toBrowser.getFD());
        this.reader = new Thread(() -> read(receiver), "chromium-devtools-pipe");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Makes the two FIFOs in {@code folder} and returns the command that starts {@code browser} (a command line)
     * with them as its descriptors 3 and 4, for {@link ProcessBuilder}, after {@code launcher} (e.g.
     * {@code ip netns exec <name>}, or nothing).
     */
    static List<String> command(Path folder, List<String> launcher, List<String> browser) throws IOException {
        run(List.of("mkfifo", "-m", "600", folder.resolve("to-browser").toString(),
                folder.resolve("from-browser").toString()));
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("bash", "-c", "in=$1; out=$2; shift 2; exec \"$@\" 3<\"$in\" 4>\"$out\"", "chromium",
                folder.resolve("to-browser").toString(), folder.resolve("from-browser").toString()));
        command.addAll(browser);
        return command;
    }

    /**
     * Opens the FIFOs {@link #command} made and hands every message from the browser to {@code receiver} until
     * the browser ends. The end towards the browser is opened read-write, which never blocks; the one from it is
     * opened by the reader thread, which waits there until the browser has opened its own.
     */
    static DevToolsPipe open(Path folder, Consumer<String> receiver) throws IOException {
        return new DevToolsPipe(folder, receiver);
    }

    synchronized void send(String message) {
        try {
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to chromium's DevTools pipe: " + e, e);
        }
    }

    /** Call once the browser has ended: releases the reader thread even if the browser never opened its end. */
    @Override
    public void close() {
        try {
            toBrowser.close();
            if (reader.isAlive()) {
                new RandomAccessFile(fromBrowser.toFile(), "rw").close();
            }
            reader.join(10_000);
        } catch (IOException e) {
            // Nothing is left to do with a pipe that will not close.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(Consumer<String> receiver) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new FileInputStream(fromBrowser.toFile())) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0) {
                        receiver.accept(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    } else {
                        message.write(buffer[i]);
                    }
                }
            }
        } catch (IOException ended) {
            // The browser is gone.
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command, e);
        }
    }
}
