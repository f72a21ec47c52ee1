package io.kapture.shell.internal.command;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.osgi.framework.BundleContext;

import io.kapture.api.CaptureException;
import io.kapture.shell.internal.Errors;
import io.kapture.shell.internal.ServiceLookup;

/**
 * What every {@code kapture:*} command shares: the services it works on are looked up when it runs (see
 * {@link ServiceLookup} for why they are not injected) and given back when it ends, and the failures a user can
 * cause or meet (an unknown camera, a busy device, an unsupported format, a file that cannot be written) end the
 * command with one clear line on {@code System.err}, never a stack trace. Anything else is a bug and goes to
 * Karaf's own error report.
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
            System.err.println(Errors.describe(e));
        }
        return null;
    }

    /**
     * The command's work on the services registered now; throws the expected failures with a message fit for the
     * user.
     */
    protected abstract void run(ServiceLookup services) throws Exception;
}
