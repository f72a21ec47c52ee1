package io.kapture.shell.internal.command;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.karaf.shell.api.action.Action;

import io.kapture.api.CaptureException;
import io.kapture.shell.internal.Errors;

/**
 * What every {@code kapture:*} command shares: the failures a user can cause or meet (an unknown camera, a busy
 * device, an unsupported format, a file that cannot be written) end the command with one clear line on
 * {@code System.err}, never a stack trace. Anything else is a bug and goes to Karaf's own error report.
 *
 * <p>Threading contract: Karaf makes a new instance for every execution and runs it on the session's command
 * thread; instances are never shared.
 */
public abstract class KaptureCommand implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            run();
        } catch (CaptureException | IllegalArgumentException | IllegalStateException | IOException
                | UncheckedIOException e) {
            System.err.println(Errors.describe(e));
        }
        return null;
    }

    /** The command's work; throws the expected failures with a message fit for the user. */
    protected abstract void run() throws Exception;
}
