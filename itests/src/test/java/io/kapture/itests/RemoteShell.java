package io.kapture.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Karaf console command the way a script on the same machine does: through OpenSSH's {@code ssh} with a
 * key, or through the distribution's own {@code bin/client} with a password, and keeps the exit status and what
 * it printed. Both are real clients in their own process, talking to the container's SSH server on loopback.
 *
 * <p>{@code bin/client} ends at once when its standard input is at end of file (it then closes the channel before
 * the command ran), so its input is a pipe left open until it exits, as an interactive caller's would be.
 *
 * <p>Threading contract: each call blocks the calling thread until the client exits (at most two minutes);
 * instances hold only immutable settings.
 */
final class RemoteShell {

    /** What a client process left: its exit status and its standard output and error, merged. */
    record Result(int exitStatus, String output) {
    }

    private final String karafHome;
    private final int port;

    RemoteShell(String karafHome, int port) {
        this.karafHome = karafHome;
        this.port = port;
    }

    /** {@code ssh -p <port> -i <key> <user>@127.0.0.1 '<command>'}, never asking anything (BatchMode). */
    Result ssh(Path privateKey, String user, String command) throws IOException, InterruptedException {
        return run(List.of("ssh", "-p", String.valueOf(port), "-i", privateKey.toString(),
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                user + "@127.0.0.1", command));
    }

    /** {@code bin/client -a <port> -u <user> -p <password> '<command>'} with this container's Java. */
    Result client(String user, String password, String command) throws IOException, InterruptedException {
        return run(List.of(karafHome + "/bin/client", "-a", String.valueOf(port), "-h", "127.0.0.1", "-u", user,
                "-p", password, "-r", "3", command));
    }

    /** A new ECDSA key pair in {@code folder}; returns the private key's path ({@code .pub} next to it). */
    static Path newKey(Path folder) throws IOException, InterruptedException {
        Path key = folder.resolve("id_ecdsa");
        Result made = new RemoteShell("", 0).run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "",
                "-C", "kapture-itest", "-f", key.toString()));
        if (made.exitStatus() != 0) {
            throw new IOException("ssh-keygen failed: " + made.output());
        }
        return key;
    }

    /** The second field of an OpenSSH public key file: what Karaf's etc/keys.properties takes. */
    static String publicKeyBase64(Path privateKey) throws IOException {
        String line = Files.readString(Path.of(privateKey + ".pub")).trim();
        return line.split("\\s+")[1];
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kapture-remote-shell-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try (OutputStream keptOpen = process.getOutputStream()) {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new IOException(command + " did not end within two minutes; it printed: "
                        + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
