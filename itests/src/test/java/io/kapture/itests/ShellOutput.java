package io.kapture.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * Runs one Karaf console command in a fresh session, as a user typing it would, and keeps what it printed on
 * standard output and standard error apart. The session reads no input.
 *
 * <p>Threading contract: {@link #run} blocks the calling thread until the command ends; its output may be read
 * from another thread while it runs ({@link #out()} and {@link #err()} are safe snapshots), which is how tests
 * watch a {@code --follow} command before interrupting it.
 */
final class ShellOutput {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final String command;

    private ShellOutput(String command) {
        this.command = command;
    }

    /** A command ready to run. */
    static ShellOutput of(String command) {
        return new ShellOutput(command);
    }

    /** Runs the command to its end and returns this, for reading the output. */
    ShellOutput run(SessionFactory sessionFactory) throws Exception {
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), outStream, errStream);
        try {
            Object result = session.execute(command);
            if (result != null) {
                outStream.println(result);
            }
        } finally {
            outStream.flush();
            errStream.flush();
            session.close();
        }
        return this;
    }

    /** What the command printed on standard output so far. */
    String out() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** What the command printed on standard error so far. */
    String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return "'" + command + "' printed:\n" + out() + "\nand on stderr:\n" + err();
    }
}
