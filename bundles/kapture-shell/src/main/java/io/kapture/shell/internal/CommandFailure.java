package io.kapture.shell.internal;

import org.apache.karaf.shell.support.CommandException;

/**
 * Turns a failure a user can meet into the exception Karaf's shell reports without a stack trace: a
 * {@link CommandException} whose text is the one line "Error executing command: ...", the words Karaf's own
 * commands end with. Karaf logs a {@code CommandException} at debug level only (any other exception is logged as
 * an error with its stack trace, which a mistyped camera name does not deserve), prints its text on the session's
 * console and ends an ssh exec or {@code bin/client} call with exit status 1. The text carries no ANSI colour, so
 * that scripts reading it over ssh get plain words.
 *
 * <p>Threading contract: stateless; safe from any thread.
 */
public final class CommandFailure {

    /** What Karaf's shell prints before the message of a failed command. */
    public static final String PREFIX = "Error executing command: ";

    private CommandFailure() {
    }

    /** The failure of a command, worded as {@link Errors#describe} does, with {@code cause} kept for the log. */
    public static CommandException of(Throwable cause) {
        String message = Errors.describe(cause);
        return new CommandException(PREFIX + message, message, cause);
    }

    /** A failure found by the command itself. */
    public static CommandException of(String message) {
        return new CommandException(PREFIX + message, message);
    }
}
