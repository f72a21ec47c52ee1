package io.kapture.shell.internal.completer;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.framework.BundleContext;

import io.kapture.shell.internal.ServiceLookup;

/**
 * Completes delivery strategy names from the registered strategies' {@code kapture.delivery} property.
 *
 * <p>Threading contract: Karaf makes one instance per registration and calls it from console threads; every
 * call asks the service registry afresh.
 */
@Service
public class StrategyCompleter implements Completer {

    @Reference
    BundleContext context;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        try (ServiceLookup services = new ServiceLookup(context)) {
            return new StringsCompleter(services.deliveryStrategies()).complete(session, commandLine, candidates);
        }
    }
}
