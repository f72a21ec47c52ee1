package io.kapture.shell.internal.completer;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.framework.BundleContext;

import io.kapture.api.spi.ControlInfo;
import io.kapture.shell.internal.ServiceLookup;

/**
 * Completes control names for the device (or camera) typed as the command's first argument: a running camera's
 * through its session, any other device by opening it briefly, as the control commands do. Offers nothing while
 * no device is typed or its controls cannot be read: completion never fails.
 *
 * <p>Threading contract: Karaf makes one instance per registration and calls it from console threads; each call
 * looks providers and cameras up with a {@link ServiceLookup} of its own, and opens and closes its own source
 * where it opens one.
 */
@Service
public class ControlNameCompleter implements Completer {

    @Reference
    BundleContext context;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        Optional<String> device = firstArgument(commandLine);
        if (device.isEmpty()) {
            return -1;
        }
        List<String> names;
        try (ServiceLookup services = new ServiceLookup(context)) {
            names = services.devices().withControls(device.get(),
                    target -> target.controls().stream().map(ControlInfo::name).toList());
        } catch (RuntimeException e) {
            return -1;
        }
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }

    /** The first argument after the command's name that is not an option, if the cursor is past it. */
    static Optional<String> firstArgument(CommandLine commandLine) {
        String[] arguments = commandLine.getArguments();
        int cursor = commandLine.getCursorArgumentIndex();
        for (int i = 1; i < arguments.length && i < cursor; i++) {
            if (!arguments[i].startsWith("-")) {
                return Optional.of(arguments[i]);
            }
        }
        return Optional.empty();
    }
}
