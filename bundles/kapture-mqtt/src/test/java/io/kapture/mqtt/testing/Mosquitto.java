package io.kapture.mqtt.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker for tests, on a free loopback port, with its own configuration file in its own folder
 * (readable by everyone, since mosquitto started as root drops to an unprivileged user unless told {@code user
 * root}). Persistence is on, so that a {@link #stop()} and {@link #start()} keep retained messages and persistent
 * sessions, as a real broker restart does. Its log goes to {@code mosquitto.log} in its folder.
 *
 * <p>Threading contract: one test thread drives an instance.
 */
public final class Mosquitto implements AutoCloseable {

    private final Path folder;
    private final Path config;
    private final int port;
    private Process process;

    private Mosquitto(Path folder, int port, List<String> extra) throws IOException {
        this.folder = folder;
        this.port = port;
        this.config = folder.resolve("mosquitto.conf");
        List<String> lines = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "user root",
                "persistence true", "persistence_location " + folder + "/", "max_queued_messages 1000000",
                "log_dest file " + folder.resolve("mosquitto.log"), "log_type error", "log_type warning",
                "log_type notice", "log_type information"));
        if (extra.stream().noneMatch(line -> line.startsWith("allow_anonymous"))) {
            lines.add("allow_anonymous true");
        }
        lines.addAll(extra);
        Files.write(config, lines);
    }

    /** Starts a broker in a new folder under {@code parent} with these extra configuration lines. */
    public static Mosquitto start(Path parent, String... extra) {
        try {
            Path folder = Files.createTempDirectory(parent, "mosquitto");
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
            Mosquitto broker = new Mosquitto(folder, freePort(), List.of(extra));
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file in the broker's folder, for password files and certificates its configuration names. */
    public static Path folderFile(Path parent, String name) {
        return parent.resolve(name);
    }

    /** (Re)starts the broker on its port and waits until it accepts connections. */
    public void start() {
        try {
            process = new ProcessBuilder("mosquitto", "-c", config.toString()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("stdout.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": "
                            + Files.readString(folder.resolve("stdout.log")));
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    Thread.onSpinWait();
                }
            }
            throw new IllegalStateException("mosquitto did not listen on port " + port + " within 20 s");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto (apt-get install mosquitto)", e);
        }
    }

    /** Stops the broker the way a service manager does (SIGTERM; it saves its database) and waits. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path folder() {
        return folder;
    }

    /** The broker process, for reading its CPU time. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * The retained message of {@code topic} as mosquitto_sub (a client independent of Paho and the bridge) sees it:
     * its text, or what mosquitto_sub said when there was none within 5 s.
     */
    public String retained(String topic) {
        try {
            Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-t",
                    topic, "-C", "1", "-W", "5", "--retained-only").redirectErrorStream(true).start();
            String out = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            sub.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run mosquitto_sub (apt-get install mosquitto-clients)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mosquitto_sub read " + topic, e);
        }
    }

    public String log() {
        try {
            return Files.readString(folder.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
