package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.api.spi.ControlInfo;
import io.kapture.shell.internal.ControlTarget;
import io.kapture.shell.internal.Controls;
import io.kapture.shell.internal.Devices;
import io.kapture.shell.internal.ServiceLookup;
import io.kapture.shell.internal.completer.ControlNameCompleter;

/**
 * {@code kapture:control <device> <name> [value]}: prints one control's value or, with a value, sets it and
 * prints what the device reports afterwards (drivers clamp values to the control's range). A running camera's
 * controls are reached through its session, so a value set lasts while its stream runs; any other device is
 * opened for the call.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "control", description = "Shows or sets a device control")
public class ControlCommand extends DeviceCommand {

    @Argument(index = 1, name = "control", required = true, description = "The control's name, as kapture:controls "
            + "lists it")
    @Completion(ControlNameCompleter.class)
    String control;

    @Argument(index = 2, name = "value", description = "The value to set: a number, true/false for booleans, or a "
            + "menu entry's label")
    String value;

    @Override
    protected void run(ServiceLookup services) {
        Devices devices = services.devices();
        String resolved = devices.resolve(device);
        String line = devices.withControls(device, target -> value == null ? show(resolved, target)
                : change(resolved, target));
        System.out.println(line);
    }

    private String show(String resolved, ControlTarget target) {
        ControlInfo info = new Controls(resolved, target).get(control);
        return control + " = " + Controls.describe(info, target.control(control));
    }

    private String change(String resolved, ControlTarget target) {
        ControlInfo info = new Controls(resolved, target).get(control);
        long before = target.control(control);
        target.control(control, Controls.parse(info, value));
        return control + " = " + Controls.describe(info, target.control(control)) + " (was "
                + Controls.describe(info, before) + ")";
    }
}
