package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.shell.internal.Controls;
import io.kapture.shell.internal.Devices;
import io.kapture.shell.internal.ServiceLookup;

/**
 * {@code kapture:controls <device>}: a device's controls with their values and ranges. A running camera's are
 * read through its session, from the device its stream holds open; any other device is opened for the listing
 * and closed again.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "controls", description = "Lists a device's controls with values and ranges")
public class ControlsCommand extends DeviceCommand {

    @Override
    protected void run(ServiceLookup services) {
        Devices devices = services.devices();
        String resolved = devices.resolve(device);
        devices.withControls(device, target -> {
            new Controls(resolved, target).print(System.out);
            return null;
        });
    }
}
