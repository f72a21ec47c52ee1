package io.kapture.shell.internal.completer;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.kapture.api.CaptureSession;
import io.kapture.shell.internal.Cameras;

/**
 * Completes camera names from the {@link CaptureSession} services.
 *
 * <p>Threading contract: Karaf makes one instance per registration and calls it from console threads; it only
 * reads the injected list, which Karaf replaces by re-registering the completer when sessions come and go.
 */
@Service
public class CameraCompleter implements Completer {

    @Reference
    List<CaptureSession> sessions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(new Cameras(sessions).names()).complete(session, commandLine, candidates);
    }
}
