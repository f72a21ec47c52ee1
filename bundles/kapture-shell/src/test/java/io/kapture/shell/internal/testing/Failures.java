package io.kapture.shell.internal.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

import io.kapture.shell.internal.CommandFailure;

/**
 * Runs a command that must fail as Karaf's shell sees a failure: by throwing a {@link CommandException} whose text
 * is "Error executing command: " and the message, which is what reaches a script over ssh or bin/client.
 *
 * <p>Threading contract: stateless; for the test's thread.
 */
public final class Failures {

    private Failures() {
    }

    /** The message the command failed with; fails the test if it returned normally. */
    public static String message(Action command) {
        CommandException failure = assertThrows(CommandException.class, command::execute,
                "the command returned normally instead of failing");
        assertEquals(CommandFailure.PREFIX + failure.getMessage(), failure.getNiceHelp());
        return failure.getMessage();
    }
}
