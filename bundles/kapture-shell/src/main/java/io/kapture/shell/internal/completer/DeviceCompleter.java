package io.kapture.shell.internal.completer;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.framework.BundleContext;

import io.kapture.shell.internal.Devices;
import io.kapture.shell.internal.ServiceLookup;

/**
 * Completes what the device commands accept: the devices every provider finds, their stable names, and camera
 * names (which stand for the camera's device). A provider that fails to list is skipped: completion never fails.
 *
 * <p>Threading contract: Karaf makes one instance per registration and calls it from console threads; each call
 * looks providers and cameras up afresh with a {@link ServiceLookup} of its own.
 */
@Service
public class DeviceCompleter implements Completer {

    @Reference
    BundleContext context;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        SortedSet<String> names = new TreeSet<>();
        try (ServiceLookup services = new ServiceLookup(context)) {
            names.addAll(services.cameras().names());
            for (Devices.Discovered device : services.devices().discover(problem -> { })) {
                names.add(device.info().device());
                names.addAll(device.info().stableNames());
            }
        }
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
