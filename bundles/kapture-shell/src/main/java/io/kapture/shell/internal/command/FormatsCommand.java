package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.shell.internal.DeviceTables;
import io.kapture.shell.internal.Devices;
import io.kapture.shell.internal.ServiceLookup;

/**
 * {@code kapture:formats <device>}: the pixel formats, frame sizes and frame rates a device offers, also while a
 * camera captures from it: providers list formats without taking the device.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "formats",
        description = "Lists a device's pixel formats, frame sizes and frame rates")
public class FormatsCommand extends DeviceCommand {

    @Override
    protected void run(ServiceLookup services) {
        Devices devices = services.devices();
        String resolved = devices.resolve(device);
        DeviceTables.printFormats(resolved, devices.formats(device), System.out);
    }
}
