package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.shell.internal.ListenerTable;
import io.kapture.shell.internal.ServiceLookup;

/**
 * {@code kapture:listeners}: the frame listeners subscribed to each camera, with the bundle that registered
 * them, their camera filter, queue, drop policy, drops and errors.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "listeners", description = "Lists the frame listeners of every camera")
public class ListenersCommand extends KaptureCommand {

    @Override
    protected void run(ServiceLookup services) {
        ListenerTable.print(services.cameras().all(), System.out);
    }
}
