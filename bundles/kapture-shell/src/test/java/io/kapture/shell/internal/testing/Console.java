package io.kapture.shell.internal.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures System.out and System.err while a command runs, as Karaf's session streams would receive them.
 *
 * <p>Threading contract: replaces the process-wide streams; tests in this module run one at a time.
 */
public final class Console implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Console() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing. */
    public static Console capture() {
        return new Console();
    }

    /** What was printed to System.out, tables in their ASCII form. */
    public String out() {
        return Tables.ascii(out.toString(StandardCharsets.UTF_8));
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
