package io.kapture.shell.internal.completer;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.framework.BundleContext;

import io.kapture.api.CaptureSession;
import io.kapture.shell.internal.ServiceLookup;

/**
 * Completes camera names from the {@link io.kapture.api.CaptureSession} services.
 *
 * <p>Threading contract: Karaf makes one instance per registration and calls it from console threads; each call
 * looks the sessions up afresh with a {@link ServiceLookup} of its own.
 */
@Service
public class CameraCompleter implements Completer {

    @Reference
    BundleContext context;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        try (ServiceLookup services = new ServiceLookup(context)) {
            return new StringsCompleter(services.cameras().names()).complete(session, commandLine, candidates);
        }
    }
}
