package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.shell.internal.CameraTable;
import io.kapture.shell.internal.ServiceLookup;

/**
 * {@code kapture:cameras}: the configured cameras with their device, format, frame rates, delivery strategy,
 * state, counters and restarts, and below the table how the device adjusted each running camera's format and
 * the last error of each camera that has one.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "cameras",
        description = "Lists the configured cameras and their last errors",
        detailedDescription = "Per camera: device, format, frame rate (configured / measured), delivery strategy, "
                + "state, frames and drops of the current stream, and how often its stream restarted; below the "
                + "table how the device adjusted a running camera's format (size, rate) and the last error of "
                + "each camera that has one (why its configuration was rejected, why it waits or failed).")
public class CamerasCommand extends KaptureCommand {

    @Override
    protected void run(ServiceLookup services) {
        CameraTable.print(services.cameras().all(), System.out);
    }
}
