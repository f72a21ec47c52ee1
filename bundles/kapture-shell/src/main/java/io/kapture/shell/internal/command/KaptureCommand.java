package io.kapture.shell.internal.command;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.osgi.framework.BundleContext;

import io.kapture.api.CaptureException;
import io.kapture.shell.internal.CommandFailure;
import io.kapture.shell.internal.ServiceLookup;

/**
 * What every {@code kapture:*} command shares: the services it works on are looked up when it runs (see
 * {@link ServiceLookup} for why they are not injected) and given back when it ends, and the failures a user can
 * cause or meet (an unknown camera, a busy device, an unsupported format, a file that cannot be written) end the
 * command by throwing a {@link CommandException} with one clear line, never a stack trace. Throwing is what makes
 * a failure reach every caller: the console prints "Error executing command: ...", an {@code ssh host 'kapture:...'}
 * exec and {@code bin/client} exit with status 1, and {@code Session.execute} throws. Anything else is a bug and
 * goes to Karaf's own error report.
 *
 * <p>Threading contract: Karaf makes a new instance for every execution and runs it on the session's command
 * thread; instances are never shared.
 */
public abstract class KaptureCommand implements Action {

    /** The shell bundle's context; Karaf injects it without tracking anything, so it never re-registers commands. */
    @Reference
    BundleContext context;

    @Override
    public final Object execute() throws Exception {
        try (ServiceLookup services = new ServiceLookup(context)) {
            run(services);
        } catch (CaptureException | IllegalArgumentException | IllegalStateException | IOException
                | UncheckedIOException e) {
            throw CommandFailure.of(e);
        }
        return null;
    }

    /**
     * The command's work on the services registered now; throws the expected failures with a message fit for the
     * user.
     */
    protected abstract void run(ServiceLookup services) throws Exception;
}
