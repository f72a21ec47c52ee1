package io.kapture.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace joined to this machine by a veth pair with a /30 of its own, so that programs run in
 * it ({@link #run}) reach this machine from an address that is not loopback, and nothing leaves the machine.
 * Needs root (CAP_SYS_ADMIN and CAP_NET_ADMIN) and iproute2's {@code ip}. {@link #close()} deletes the namespace,
 * which deletes the veth pair with it; {@link #create} first removes what an aborted run may have left.
 *
 * <p>Threading contract: one thread uses an instance.
 */
final class NetworkNamespace implements AutoCloseable {

    private static final long COMMAND_SECONDS = 30;

    private final String name;
    private final String hostLink;
    private final String hostAddress;
    private final String ip;

    private NetworkNamespace(String name, String hostLink, String hostAddress, String ip) {
        this.name = name;
        this.hostLink = hostLink;
        this.hostAddress = hostAddress;
        this.ip = ip;
    }

    /**
     * Creates namespace {@code name} with link {@code name-n} at {@code namespaceAddress}/30, joined to link
     * {@code name-h} at {@code hostAddress}/30 here.
     *
     * @param name at most 13 characters (link names are at most 15)
     * @throws IOException naming the command that failed and what it printed
     */
    static NetworkNamespace create(String name, String hostAddress, String namespaceAddress) throws IOException {
        String ip = ipCommand();
        NetworkNamespace namespace = new NetworkNamespace(name, name + "-h", hostAddress, ip);
        namespace.close();
        try {
            namespace.ip("netns", "add", name);
            namespace.ip("link", "add", name + "-h", "type", "veth", "peer", "name", name + "-n");
            namespace.ip("link", "set", name + "-n", "netns", name);
            namespace.ip("addr", "add", hostAddress + "/30", "dev", name + "-h");
            namespace.ip("link", "set", name + "-h", "up");
            namespace.ip("netns", "exec", name, ip, "addr", "add", namespaceAddress + "/30", "dev", name + "-n");
            namespace.ip("netns", "exec", name, ip, "link", "set", name + "-n", "up");
            namespace.ip("netns", "exec", name, ip, "link", "set", "lo", "up");
            return namespace;
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
    }

    /** Whether a namespace of that name or its host-side link exists. */
    static boolean exists(String name) throws IOException {
        String ip = ipCommand();
        boolean namespace = execute(List.of(ip, "netns", "list"), new byte[0]).text().lines()
                .anyMatch(line -> line.split(" ")[0].equals(name));
        return namespace || execute(List.of(ip, "link", "show", name + "-h"), new byte[0]).status() == 0;
    }

    /** This machine's end of the veth pair. */
    String hostAddress() {
        return hostAddress;
    }

    /** The command prefix that runs a program in the namespace. */
    List<String> launcher() {
        return List.of(ip, "netns", "exec", name);
    }

    /** Runs a program in the namespace with {@code input} on its stdin; returns its exit status and stdout. */
    Result run(byte[] input, String... command) throws IOException {
        List<String> line = new ArrayList<>(launcher());
        line.addAll(List.of(command));
        return execute(line, input);
    }

    /** Deletes the namespace and the veth pair; harmless if they are already gone. */
    @Override
    public void close() {
        try {
            execute(List.of(ip, "netns", "del", name), new byte[0]);
            execute(List.of(ip, "link", "del", hostLink), new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete network namespace " + name + ": " + e, e);
        }
    }

    /** What a program did: exit status, stdout, and stderr. */
    record Result(int status, byte[] output, String errors) {
        String text() {
            return new String(output, StandardCharsets.ISO_8859_1);
        }
    }

    private void ip(String... arguments) throws IOException {
        List<String> line = new ArrayList<>(List.of(ip));
        line.addAll(List.of(arguments));
        Result result = execute(line, new byte[0]);
        if (result.status() != 0) {
            throw new IOException(String.join(" ", line) + " failed (" + result.status() + "): " + result.errors()
                    + " -- network namespaces need root (CAP_SYS_ADMIN, CAP_NET_ADMIN) and iproute2");
        }
    }

    private static Result execute(List<String> command, byte[] input) throws IOException {
        Process process = new ProcessBuilder(command).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        }
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end within " + COMMAND_SECONDS + " s");
            }
            return new Result(process.exitValue(), output, errors.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted running " + command, e);
        }
    }

    private static String ipCommand() throws IOException {
        for (String candidate : List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IOException("no ip command (Debian package iproute2): scripts/install-test-prerequisites installs it");
    }
}
