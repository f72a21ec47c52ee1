package io.kapture.shell.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.api.CaptureSession;
import io.kapture.shell.internal.Cameras;
import io.kapture.shell.internal.ListenerTable;

/**
 * {@code kapture:listeners}: the frame listeners subscribed to each camera, with the bundle that registered
 * them, their camera filter, queue, drop policy, drops and errors.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "listeners", description = "Lists the frame listeners of every camera")
public class ListenersCommand extends KaptureCommand {

    @Reference
    List<CaptureSession> sessions;

    @Override
    protected void run() {
        ListenerTable.print(new Cameras(sessions).all(), System.out);
    }
}
