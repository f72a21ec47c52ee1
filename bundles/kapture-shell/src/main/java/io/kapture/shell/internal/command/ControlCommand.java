package io.kapture.shell.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.api.CaptureSession;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.ControlInfo;
import io.kapture.shell.internal.Cameras;
import io.kapture.shell.internal.Controls;
import io.kapture.shell.internal.Devices;
import io.kapture.shell.internal.completer.ControlNameCompleter;
import io.kapture.shell.internal.completer.DeviceCompleter;

/**
 * {@code kapture:control <device> <name> [value]}: prints one control's value or, with a value, sets it and
 * prints what the device reports afterwards (drivers clamp values to the control's range).
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "control", description = "Shows or sets a device control")
public class ControlCommand extends KaptureCommand {

    @Argument(index = 0, name = "device", required = true, description = "A device (/dev/video0, synthetic) or "
            + "the name of a camera, meaning its device")
    @Completion(DeviceCompleter.class)
    String device;

    @Argument(index = 1, name = "control", required = true, description = "The control's name, as kapture:controls "
            + "lists it")
    @Completion(ControlNameCompleter.class)
    String control;

    @Argument(index = 2, name = "value", description = "The value to set: a number, true/false for booleans, or a "
            + "menu entry's label")
    String value;

    @Reference
    List<CaptureSourceProvider> providers;

    @Reference
    List<CaptureSession> sessions;

    @Override
    protected void run() {
        Devices devices = new Devices(providers, new Cameras(sessions));
        String resolved = devices.resolve(device);
        String line = devices.withSource(device, source -> value == null ? show(resolved, source)
                : change(resolved, source));
        System.out.println(line);
    }

    private String show(String resolved, CaptureSource source) {
        ControlInfo info = new Controls(resolved, source).get(control);
        return control + " = " + Controls.describe(info, source.control(control));
    }

    private String change(String resolved, CaptureSource source) {
        ControlInfo info = new Controls(resolved, source).get(control);
        long before = source.control(control);
        source.control(control, Controls.parse(info, value));
        return control + " = " + Controls.describe(info, source.control(control)) + " (was "
                + Controls.describe(info, before) + ")";
    }
}
