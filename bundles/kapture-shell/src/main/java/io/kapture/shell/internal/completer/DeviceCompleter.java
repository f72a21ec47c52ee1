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

import io.kapture.api.CaptureSession;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.shell.internal.Cameras;
import io.kapture.shell.internal.Devices;

/**
 * Completes what the device commands accept: the devices every provider finds, their stable names, and camera
 * names (which stand for the camera's device). A provider that fails to list is skipped: completion never fails.
 *
 * <p>Threading contract: Karaf makes one instance per registration and calls it from console threads; it only
 * reads the injected lists.
 */
@Service
public class DeviceCompleter implements Completer {

    @Reference
    List<CaptureSourceProvider> providers;

    @Reference
    List<CaptureSession> sessions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        Cameras cameras = new Cameras(sessions);
        SortedSet<String> names = new TreeSet<>(cameras.names());
        for (Devices.Discovered device : new Devices(providers, cameras).discover(problem -> { })) {
            names.add(device.info().device());
            names.addAll(device.info().stableNames());
        }
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
