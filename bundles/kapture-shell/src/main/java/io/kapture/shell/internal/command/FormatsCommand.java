package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.api.spi.CaptureSource;
import io.kapture.shell.internal.DeviceTables;
import io.kapture.shell.internal.Devices;
import io.kapture.shell.internal.ServiceLookup;
import io.kapture.shell.internal.completer.DeviceCompleter;

/**
 * {@code kapture:formats <device>}: the pixel formats, frame sizes and frame rates a device offers. The device is
 * opened for the listing and closed again.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "formats",
        description = "Lists a device's pixel formats, frame sizes and frame rates")
public class FormatsCommand extends KaptureCommand {

    @Argument(index = 0, name = "device", required = true, description = "A device (/dev/video0, synthetic) or "
            + "the name of a camera, meaning its device")
    @Completion(DeviceCompleter.class)
    String device;

    @Override
    protected void run(ServiceLookup services) {
        Devices devices = services.devices();
        String resolved = devices.resolve(device);
        DeviceTables.printFormats(resolved, devices.withSource(device, CaptureSource::formats), System.out);
    }
}
