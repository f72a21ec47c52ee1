package io.kapture.vivid;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Runs named checks one after another and reports each on one line in the marker format that vivid/bin/run
 * parses: {@code @@KAPTURE CHECK <name> <PASS|FAIL> <seconds> <message>}. A check that throws fails with the
 * exception's message; it never stops the checks after it, so one run reports everything that is wrong.
 *
 * <p>Threading contract: not thread-safe; the checker's main thread owns it.
 */
final class CheckRunner {

    static final String MARKER = "@@KAPTURE ";

    private final PrintStream out;
    private final PrintStream log;
    private int failed;
    private int passed;

    /**
     * @param out the console, for the markers
     * @param log where the stack traces of failed checks go, for the run's log files
     */
    CheckRunner(PrintStream out, PrintStream log) {
        this.out = out;
        this.log = log;
    }

    /** Announces the checks that will report, so the host can tell a check that never ran from one that passed. */
    void plan(List<String> names) {
        out.println(MARKER + "PLAN " + String.join(" ", names));
        out.flush();
    }

    /** Runs one check and reports it; returns whether it passed. */
    boolean run(String name, Check check) {
        long started = System.nanoTime();
        String status;
        String message;
        try {
            message = check.run();
            status = "PASS";
            passed++;
        } catch (Exception | AssertionError e) {
            message = describe(e);
            status = "FAIL";
            failed++;
            log.println("check " + name + " failed:");
            e.printStackTrace(log);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(MARKER + "CHECK " + name + " " + status + " " + String.format(Locale.ROOT, "%.2f", seconds) + " "
                + oneLine(message));
        out.flush();
        return "PASS".equals(status);
    }

    /** Reports a check that could not run because an earlier one it needs failed. */
    void skipBecause(String name, String reason) {
        run(name, () -> {
            throw new CheckFailure("not run: " + reason);
        });
    }

    int failed() {
        return failed;
    }

    int passed() {
        return passed;
    }

    private static String describe(Throwable e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof CheckFailure ? text : e.getClass().getSimpleName() + ": " + text;
    }

    static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return line.isEmpty() ? "ok" : line;
    }

    /** One check: returns what it saw, in a few words, or throws what was wrong. */
    @FunctionalInterface
    interface Check {
        String run() throws Exception;
    }
}
