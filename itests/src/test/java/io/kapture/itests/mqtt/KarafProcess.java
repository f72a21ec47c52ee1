package io.kapture.itests.mqtt;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Karaf unpacked from the distribution this build made and started as its own process ({@code bin/karaf
 * server}), on free ports, so that a test can kill it the hard way and watch what the broker does. Pax Exam's
 * container cannot be killed from inside.
 *
 * <p>Threading contract: one test thread drives an instance.
 */
final class KarafProcess implements AutoCloseable {

    private final Path home;
    private int sshPort;
    private Process process;

    private KarafProcess(Path home) {
        this.home = home;
    }

    /** Unpacks the distribution ({@code kapture.dist}) under {@code parent}. */
    static KarafProcess unpack(Path parent) throws IOException, InterruptedException {
        Files.createDirectories(parent);
        Path target = Files.createTempDirectory(parent, "karaf");
        String distribution = System.getProperty("kapture.dist");
        if (distribution == null) {
            throw new IllegalStateException("system property kapture.dist (the distribution's tar.gz) is not set");
        }
        Process tar = new ProcessBuilder("tar", "xzf", distribution, "-C", target.toString(),
                "--strip-components=1").inheritIO().start();
        if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IllegalStateException("cannot unpack " + distribution);
        }
        KarafProcess karaf = new KarafProcess(target);
        karaf.sshPort = freePort();
        karaf.set("etc/org.apache.karaf.shell.cfg", "sshPort", karaf.sshPort);
        karaf.set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort());
        karaf.set("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort());
        karaf.set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", freePort());
        return karaf;
    }

    /** Sets {@code key} in a configuration file, replacing an existing line with that key. */
    void set(String file, String key, Object value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = Files.exists(path) ? new ArrayList<>(Files.readAllLines(path)) : new ArrayList<>();
        lines.removeIf(line -> line.trim().matches("^" + java.util.regex.Pattern.quote(key) + "\\s*[=:].*"));
        lines.add(key + " = " + value);
        Files.write(path, lines);
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
    }

    /**
     * Runs a console command through {@code bin/client} as {@code user} (who must be in etc/users.properties)
     * and returns what it printed; stdin stays open until the client ends, since the client quits at EOF.
     */
    String command(String user, String password, String command) throws IOException, InterruptedException {
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-u", user, "-p", password, "-r", "5", "-d", "2", command).redirectErrorStream(true).start();
        String out = new String(client.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        client.waitFor(60, TimeUnit.SECONDS);
        client.getOutputStream().close();
        return out;
    }

    /** Kills the JVM and its launcher with SIGKILL: no shutdown hook, no MQTT DISCONNECT. */
    void kill() throws InterruptedException {
        if (process != null) {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroyForcibly);
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    Path home() {
        return home;
    }

    String log() {
        try {
            return Files.readString(home.resolve("data/log/karaf.log"));
        } catch (IOException e) {
            return "(no karaf.log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        if (!Boolean.getBoolean("kapture.itests.keep")) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException | UncheckedIOException e) {
                // a leftover folder under target/ is harmless
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
