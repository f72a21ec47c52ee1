package io.kapture.shell.internal.testing;

import org.apache.karaf.shell.api.console.CommandLine;

/**
 * A command line as typed so far, with the cursor at the end of the last word, as Karaf hands it to completers.
 *
 * <p>Threading contract: immutable.
 */
public final class TypedLine implements CommandLine {

    private final String[] arguments;

    private TypedLine(String[] arguments) {
        this.arguments = arguments;
    }

    /** The words typed, the last being the one to complete (may be empty). */
    public static TypedLine of(String... words) {
        return new TypedLine(words);
    }

    @Override
    public int getCursorArgumentIndex() {
        return arguments.length - 1;
    }

    @Override
    public String getCursorArgument() {
        return arguments[arguments.length - 1];
    }

    @Override
    public int getArgumentPosition() {
        return getCursorArgument().length();
    }

    @Override
    public String[] getArguments() {
        return arguments.clone();
    }

    @Override
    public int getBufferPosition() {
        return getBuffer().length();
    }

    @Override
    public String getBuffer() {
        return String.join(" ", arguments);
    }
}
